package com.salescadence.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.salescadence.common.ValidationException;

/**
 * What a CSV file holds, with its documented columns. Accounts are read before contacts and
 * opportunities, so those may name an account of the same import.
 */
public enum ImportKind {

    // people and quotas are read first (administrators only): accounts and deals may name a person of the same import
    PEOPLE(List.of(
            new Column("login", List.of("登录名", "账号"), true, "rep.wang", "rep.wang"),
            new Column("name", List.of("姓名"), true, "Wang Fang", "王芳"),
            new Column("email", List.of("邮箱", "电子邮件"), true, "wang.fang@example.com", "wang.fang@example.com"),
            new Column("role", List.of("角色"), true, "REP", "REP"),
            new Column("manager", List.of("经理", "上级"), false, null, null),
            new Column("title", List.of("职务", "职位"), false, "Account manager", "客户经理"),
            new Column("language", List.of("语言"), false, "en", "zh"))),

    QUOTAS(List.of(
            new Column("person", List.of("人员", "登录名"), true, null, null),
            new Column("period", List.of("季度", "期间"), true, null, null),
            new Column("quota", List.of("配额", "指标"), true, "1000000.00", "1000000.00"),
            new Column("stretch", List.of("冲刺目标", "挑战目标"), true, "1200000.00", "1200000.00"),
            new Column("currency", List.of("币种", "货币"), false, null, null))),

    ACCOUNTS(List.of(
            new Column("name", List.of("客户名称", "名称"), true, "Huaxin Precision Machinery", "华信精密机械"),
            new Column("tier", List.of("级别", "客户级别"), true, "KEY", "KEY"),
            new Column("industry", List.of("行业"), false, "Machinery", "机械制造"),
            new Column("owner", List.of("负责人"), true, null, null))),

    CONTACTS(List.of(
            new Column("account", List.of("客户名称", "客户"), true, "Huaxin Precision Machinery", "华信精密机械"),
            new Column("name", List.of("姓名", "联系人"), true, "Li Wei", "李伟"),
            new Column("title", List.of("职务", "职位"), false, "CIO", "信息总监"),
            new Column("email", List.of("邮箱", "电子邮件"), false, "li.wei@huaxin.example", "li.wei@huaxin.example"),
            new Column("phone", List.of("电话", "手机"), false, "+86 10 5555 0101", "+86 10 5555 0101"),
            new Column("owner", List.of("负责人"), false, null, null))),

    OPPORTUNITIES(List.of(
            new Column("account", List.of("客户名称", "客户"), true, "Huaxin Precision Machinery", "华信精密机械"),
            new Column("name", List.of("商机名称", "名称"), true, "MES rollout phase 2", "MES 二期"),
            new Column("owner", List.of("负责人"), true, null, null),
            new Column("amount", List.of("金额"), true, "300000.00", "300000.00"),
            new Column("currency", List.of("币种", "货币"), false, null, null),
            new Column("expected_close_date", List.of("预计成交日期", "预计签约日期"), true, null, null),
            new Column("stage", List.of("阶段", "销售阶段"), true, null, null),
            new Column("probability", List.of("赢率", "概率"), false, "", ""),
            new Column("closed_on", List.of("关闭日期", "成交日期"), false, "", ""),
            new Column("created_on", List.of("创建日期"), false, "", ""),
            new Column("loss_reason", List.of("丢单原因", "输单原因"), false, "", ""),
            // issue 12: the deal's reference for the history files of the same import (default: its name), and for a
            // lost deal the stage it was lost from
            new Column("ref", List.of("商机编号", "编号"), false, "", ""),
            new Column("lost_from", List.of("丢单阶段"), false, "", ""))),

    // issue 12: a team's history (HistoryValidator, HistoryWriter); read after the deals they refer to
    STAGE_HISTORY(List.of(
            new Column("deal", List.of("商机编号", "商机"), true, "MES rollout phase 2", "MES 二期"),
            new Column("stage", List.of("阶段", "销售阶段"), true, null, null),
            new Column("entered_on", List.of("进入日期"), true, null, null))),

    ORDERS(List.of(
            new Column("deal", List.of("商机编号", "商机"), true, "MES rollout phase 2", "MES 二期"),
            new Column("ordered_on", List.of("下单日期", "订单日期"), true, null, null),
            new Column("amount", List.of("订单金额", "金额"), false, "", ""),
            new Column("invoiced_on", List.of("开票日期"), false, "", ""),
            new Column("due_on", List.of("到期日期", "付款到期日"), false, "", ""),
            new Column("paid_on", List.of("付款日期", "回款日期"), false, "", ""),
            new Column("paid_amount", List.of("付款金额", "回款金额"), false, "", ""))),

    COMMITS(List.of(
            new Column("rep", List.of("销售代表", "负责人"), true, null, null),
            new Column("week", List.of("周", "周次"), true, null, null),
            new Column("commit", List.of("承诺", "承诺金额"), true, "200000.00", "200000.00"),
            new Column("upside", List.of("上行", "上行金额"), false, "100000.00", "100000.00"))),

    // issue 12: a Salesforce data export as it comes (SalesforceExport); the column names are Salesforce's field names,
    // every other column of the export is ignored. Translated into accounts, opportunities and stage history.
    SALESFORCE_USER(List.of(
            sf("Id", true), sf("Name", false), sf("Username", false), sf("Email", true), sf("ManagerId", false),
            sf("IsActive", false))),

    SALESFORCE_ACCOUNT(List.of(
            sf("Id", true), sf("Name", true), sf("Industry", false), sf("OwnerId", true), sf("IsDeleted", false))),

    SALESFORCE_OPPORTUNITY(List.of(
            sf("Id", true), sf("AccountId", true), sf("Name", true), sf("StageName", true), sf("Amount", true),
            sf("CloseDate", true), sf("OwnerId", true), sf("IsClosed", true), sf("IsWon", true), sf("CreatedDate", false),
            sf("Probability", false), sf("CurrencyIsoCode", false), sf("IsDeleted", false))),

    SALESFORCE_OPPORTUNITY_HISTORY(List.of(
            sf("Id", false), sf("OpportunityId", true), sf("StageName", true), sf("Amount", false), sf("CloseDate", false),
            sf("CreatedDate", true), sf("IsDeleted", false))),

    SALESFORCE_OPPORTUNITY_FIELD_HISTORY(List.of(
            sf("Id", false), sf("OpportunityId", true), sf("Field", true), sf("OldValue", true), sf("NewValue", true),
            sf("CreatedDate", true), sf("IsDeleted", false)));

    private static Column sf(String field, boolean required) {
        return new Column(field, List.of(), required, null, null);
    }

    private final List<Column> columns;

    ImportKind(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Whether the file holds history that refers to deals or people (issue 12), validated after the rest. */
    public boolean history() {
        return this == STAGE_HISTORY || this == ORDERS || this == COMMITS;
    }

    /** A file of a Salesforce data export: its header has Salesforce's field names, and columns it does not read are ignored. */
    public boolean salesforce() {
        return name().startsWith("SALESFORCE_");
    }

    /** The lower-case name used in the API and reports: people, quotas, accounts, contacts, opportunities, stage_history, orders, commits. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name of a Salesforce export's object (User.csv, Opportunity.csv, ...); the key for the others. */
    public String salesforceFile() {
        if (!salesforce()) {
            return key();
        }
        StringBuilder file = new StringBuilder();
        for (String word : name().substring("SALESFORCE_".length()).split("_")) {
            file.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return file.append(".csv").toString();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public static ImportKind of(String key) {
        for (ImportKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key == null ? "" : key.trim())
                    || kind.salesforce() && kind.salesforceFile().equalsIgnoreCase(key == null ? "" : key.trim())) {
                return kind;
            }
        }
        throw new ValidationException("Unknown import type '" + key + "': use one of "
                + String.join(", ", java.util.Arrays.stream(values()).map(ImportKind::key).toList()) + ".");
    }
}
