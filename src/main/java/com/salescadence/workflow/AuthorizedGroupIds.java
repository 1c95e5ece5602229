package com.salescadence.workflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.mapping.SqlCommandType;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's authorization check off the whole {@code ACT_RU_AUTHORIZATION} table.
 *
 * <p>Before every authorized query or check (a rep's task list, a task read) Camunda 7 narrows the authenticated
 * user's groups to those that have any authorization ({@code AuthorizationManager.filterAuthenticatedGroupIds}),
 * and reads that set once per command with the MyBatis statement {@code selectAuthorizedGroupIds}:
 * {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A}, dropping the null (user) rows in Java. That
 * statement reads every authorization row. The product grants per task (the assignee's rights and one READ per
 * manager above, {@link TeamTaskVisibility}), so the table grows with the open tasks: at 10,000 reps and 30,000
 * open tasks on PostgreSQL it held 191,473 rows, 35 of them with a group, and this statement took 66-250 ms
 * (a sequential scan) before each task list whose own query took a few milliseconds (issue 15 item 6,
 * docs/benchmark.md). It is the engine's open issue
 * <a href="https://github.com/camunda/camunda-bpm-platform/issues/5485">camunda-bpm-platform#5485</a>.
 *
 * <p>This plugin adds the statement {@value #STATEMENT} ({@code ... where GROUP_ID_ is not null}, which the
 * engine's own index {@code ACT_IDX_AUTH_GROUP_ID} answers from the rows with a group) to the engine's MyBatis
 * configuration, and registers {@link GroupIndexedAuthorizationManager}, an {@link AuthorizationManager} that reads
 * the set with it. The set, and so every authorization decision, is the engine's: the distinct non-null group ids
 * that have any authorization, cached per command as the engine caches it.
 *
 * <p>If the engine changes (no {@code selectAuthorizedGroupIds} statement, or another authorization manager
 * registered than the engine's own), the engine is left as it is with a warning: checks stay correct, only the
 * statement stays slow. {@code AuthorizedGroupIdsIntegrationTest} fails then, as it does when this plugin is off.
 * Remove this class once the engine filters in SQL itself.
 */
@Component
public class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(AuthorizedGroupIds.class);

    /** The engine's statement this one replaces (AuthorizationManager.getAllGroups, Authorization.xml). */
    static final String ENGINE_STATEMENT = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.selectAuthorizedGroupIds";
    /** The group ids that have any authorization, read only from the rows with a group. */
    static final String STATEMENT = "com.salescadence.workflow.AuthorizedGroupIds.selectAuthorizedGroupIdsWithGroup";
    /** {@code ${prefix}} is the engine's table prefix, resolved by MyBatis as in the engine's own mappings. */
    static final String SQL = "SELECT distinct A.GROUP_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ is not null";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        SessionFactory engineFactory = configuration.getSessionFactories().get(AuthorizationManager.class);
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        if (!(engineFactory instanceof GenericManagerFactory generic) || generic.getSessionType() != AuthorizationManager.class
                || !mybatis.hasStatement(ENGINE_STATEMENT)) {
            log.warn("The engine's authorization manager is not the expected one (factory {}, statement {} present: {}): "
                    + "authorized queries keep reading every ACT_RU_AUTHORIZATION row first (camunda-bpm-platform#5485)",
                    engineFactory, ENGINE_STATEMENT, mybatis.hasStatement(ENGINE_STATEMENT));
            return;
        }
        addStatement(mybatis);
        configuration.getSessionFactories().put(AuthorizationManager.class, new Factory());
        log.info("Authorized group ids read from the rows with a group only ({}, camunda-bpm-platform#5485)", STATEMENT);
    }

    /** The statement, once per MyBatis configuration (engines may share one), with the engine's statement's settings. */
    private static synchronized void addStatement(Configuration mybatis) {
        if (mybatis.hasStatement(STATEMENT)) {
            return;
        }
        MappedStatement engine = mybatis.getMappedStatement(ENGINE_STATEMENT);
        SqlSource sql = mybatis.getDefaultScriptingLanguageInstance().createSqlSource(mybatis, SQL, Object.class);
        ResultMap strings = new ResultMap.Builder(mybatis, STATEMENT + "-Inline", String.class, new ArrayList<>()).build();
        mybatis.addMappedStatement(new MappedStatement.Builder(mybatis, STATEMENT, sql, SqlCommandType.SELECT)
                .resource(AuthorizedGroupIds.class.getName())
                .databaseId(engine.getDatabaseId())
                .statementType(engine.getStatementType())
                .timeout(engine.getTimeout())
                .fetchSize(engine.getFetchSize())
                .flushCacheRequired(engine.isFlushCacheRequired())
                .useCache(engine.isUseCache())
                .resultMaps(List.of(strings))
                .build());
    }

    /** Opens a {@link GroupIndexedAuthorizationManager} wherever the engine asks for its AuthorizationManager. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new GroupIndexedAuthorizationManager();
        }
    }

    /** The engine's AuthorizationManager, reading the authorized group ids with {@value AuthorizedGroupIds#STATEMENT}. */
    public static class GroupIndexedAuthorizationManager extends AuthorizationManager {

        @Override
        protected Set<String> getAllGroups() {
            if (availableAuthorizedGroupIds == null) {
                Set<String> groups = new HashSet<>();
                List<String> fromDatabase = getDbEntityManager().selectList(STATEMENT);
                fromDatabase.stream().filter(Objects::nonNull).forEach(groups::add);
                availableAuthorizedGroupIds = groups;
            }
            return availableAuthorizedGroupIds;
        }
    }
}
