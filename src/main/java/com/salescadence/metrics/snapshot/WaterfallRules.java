package com.salescadence.metrics.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What changed in the open pipeline between two moments, plain Java. The scope is the open deals expected
 * to close by {@code until}; every deal's effect on it lands in exactly one waterfall category, so
 * startAmount + sum(waterfall) = endAmount:
 * in scope at both ends: the amount difference (AMOUNT_UP / AMOUNT_DOWN);
 * only at the start: minus its amount (PUSHED_OUT past the date, WON, LOST, or OTHER when it left the scope
 * otherwise, e.g. a new owner); only at the end: plus its amount (NEW when it was not open at the start,
 * PULLED_IN when it was but closed later). A stage move changes no amount: it is counted apart.
 */
public final class WaterfallRules {

    private WaterfallRules() {
    }

    public enum Category {
        NEW, PULLED_IN, AMOUNT_UP, AMOUNT_DOWN, PUSHED_OUT, WON, LOST, OTHER, STAGE_MOVED
    }

    /** A deal as it stood, amount in the base currency rounded to cents. */
    public record Deal(long id, String name, String owner, BigDecimal amount, String stage, LocalDate close) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Step(Category category, BigDecimal amount, long count) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(long opportunityId, String name, String owner, List<Category> categories, BigDecimal fromAmount,
                         BigDecimal toAmount, String fromStage, String toStage, LocalDate fromClose, LocalDate toClose,
                         BigDecimal effect) {
    }

    public record Result(BigDecimal startAmount, BigDecimal endAmount, List<Step> waterfall, long stageMoved, List<Change> changes) {
    }

    /**
     * @param from   the deals open at the start
     * @param to     the deals open at the end
     * @param closed deals closed in between: their stage then (the model's won or lost stage) and status WON or LOST
     * @param until  the scope: deals expected to close on or before this date
     * @param limit  how many changes to list (the largest effects first)
     */
    public static Result compare(Map<Long, Deal> from, Map<Long, Deal> to, Map<Long, String[]> closed, LocalDate until, int limit) {
        Map<Category, BigDecimal> amounts = new EnumMap<>(Category.class);
        Map<Category, Long> counts = new EnumMap<>(Category.class);
        BigDecimal start = BigDecimal.ZERO;
        BigDecimal end = BigDecimal.ZERO;
        long stageMoved = 0;
        List<Change> changes = new ArrayList<>();
        Set<Long> ids = new TreeSet<>(from.keySet());
        ids.addAll(to.keySet());
        for (long id : ids) {
            Deal f = from.get(id);
            Deal t = to.get(id);
            boolean inFrom = f != null && !f.close().isAfter(until);
            boolean inTo = t != null && !t.close().isAfter(until);
            if (!inFrom && !inTo) {
                continue;
            }
            start = inFrom ? start.add(f.amount()) : start;
            end = inTo ? end.add(t.amount()) : end;
            Set<Category> categories = new LinkedHashSet<>();
            Category effectCategory = null;
            BigDecimal effect = BigDecimal.ZERO;
            String toStage = t != null ? t.stage() : closed.containsKey(id) ? closed.get(id)[0] : null;
            if (inFrom && inTo) {
                effect = t.amount().subtract(f.amount());
                effectCategory = effect.signum() > 0 ? Category.AMOUNT_UP : effect.signum() < 0 ? Category.AMOUNT_DOWN : null;
            } else if (inFrom) {
                effect = f.amount().negate();
                effectCategory = t != null ? Category.PUSHED_OUT
                        : closed.containsKey(id) ? Category.valueOf(closed.get(id)[1]) : Category.OTHER;
            } else {
                effect = t.amount();
                effectCategory = f == null ? Category.NEW : Category.PULLED_IN;
            }
            if (effectCategory != null) {
                categories.add(effectCategory);
                amounts.merge(effectCategory, effect, BigDecimal::add);
                counts.merge(effectCategory, 1L, Long::sum);
            }
            if (f != null && t != null) {
                if (t.amount().compareTo(f.amount()) != 0) {
                    categories.add(t.amount().compareTo(f.amount()) > 0 ? Category.AMOUNT_UP : Category.AMOUNT_DOWN);
                }
                if (t.close().isAfter(f.close())) {
                    categories.add(Category.PUSHED_OUT);
                } else if (t.close().isBefore(f.close())) {
                    categories.add(Category.PULLED_IN);
                }
                if (!t.stage().equals(f.stage())) {
                    categories.add(Category.STAGE_MOVED);
                    stageMoved++;
                }
            }
            if (!categories.isEmpty()) {
                Deal any = t != null ? t : f;
                changes.add(new Change(id, any.name(), any.owner(), List.copyOf(categories), f == null ? null : f.amount(),
                        t == null ? null : t.amount(), f == null ? null : f.stage(), toStage,
                        f == null ? null : f.close(), t == null ? null : t.close(), effect));
            }
        }
        List<Step> waterfall = new ArrayList<>();
        for (Category category : Category.values()) {
            if (category == Category.STAGE_MOVED || category == Category.OTHER && !counts.containsKey(category)) {
                continue;
            }
            waterfall.add(new Step(category, amounts.getOrDefault(category, BigDecimal.ZERO).setScale(2),
                    counts.getOrDefault(category, 0L)));
        }
        changes.sort(Comparator.comparing((Change c) -> c.effect().abs()).reversed().thenComparing(Change::opportunityId));
        return new Result(start.setScale(2), end.setScale(2), waterfall, stageMoved,
                changes.size() > limit ? List.copyOf(changes.subList(0, limit)) : changes);
    }
}
