package com.salescadence.organization;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the reporting lines, in plain Java: nobody is their own manager, the lines never form a loop,
 * and the organization always keeps an active administrator. Each refusal reads in English and Chinese.
 */
public final class ReportingLineRules {

    private ReportingLineRules() {
    }

    /**
     * What is wrong with giving {@code personId} the manager {@code managerId}, given everyone's current manager
     * ({@code managerOf}: person to manager, null at the top); empty when it is fine.
     */
    public static Optional<String> managerProblem(String personId, String managerId, Map<String, String> managerOf) {
        if (managerId == null) {
            return Optional.empty();
        }
        if (managerId.equals(personId)) {
            return Optional.of("'" + personId + "' cannot be their own manager. / 不能把自己设为自己的经理（" + personId + "）。");
        }
        Set<String> seen = new HashSet<>();
        for (String above = managerId; above != null && seen.add(above); above = managerOf.get(above)) {
            if (above.equals(personId)) {
                return Optional.of("'" + managerId + "' reports (directly or not) to '" + personId + "': making them "
                        + personId + "'s manager would form a loop in the reporting lines. / " + managerId + " 直接或间接向 "
                        + personId + " 汇报，设为其经理会使汇报关系形成循环。");
            }
        }
        return Optional.empty();
    }

    /** Only managers and administrators have reports: what is wrong with {@code managerId} (of that role) as a manager, if anything. */
    public static Optional<String> managerRoleProblem(String managerId, Role managerRole) {
        if (managerId == null || managerRole == null || managerRole == Role.MANAGER || managerRole == Role.ADMIN) {
            return Optional.empty();
        }
        return Optional.of("'" + managerId + "' is not a manager or administrator, so nobody can report to them. / " + managerId
                + " 不是经理或管理员，不能有下属。");
    }

    /** Whether a change takes the last active administrator away (role changed, deactivated). */
    public static boolean removesLastAdministrator(Role before, Role after, long activeAdministrators) {
        return before == Role.ADMIN && after != Role.ADMIN && activeAdministrators <= 1;
    }

    public static String lastAdministratorRefusal(String personId) {
        return "'" + personId + "' is the last administrator: add another administrator first. / " + personId
                + " 是最后一位管理员：请先添加另一位管理员。";
    }
}
