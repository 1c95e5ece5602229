package com.salescadence.demo;

import java.util.List;

import com.salescadence.organization.Person;
import com.salescadence.organization.Role;

/** The demo sales organisation: a global leader, two regions, four first-line teams of three reps. */
final class DemoOrganization {

    static final String ADMIN = "admin";
    static final String FINANCE = "fin.zhao";

    private DemoOrganization() {
    }

    static List<Person> people() {
        return List.of(
                person(ADMIN, "Ada Admin", Role.ADMIN, null, "System administrator"),
                person(FINANCE, "Zhao Min", Role.FINANCE, null, "Finance controller"),
                person("gl.chen", "Chen Wei", Role.MANAGER, null, "Global sales leader"),
                person("rl.north", "Li Na", Role.MANAGER, "gl.chen", "Regional leader North"),
                person("rl.south", "Wang Fang", Role.MANAGER, "gl.chen", "Regional leader South"),
                person("flm.beijing", "Zhang Lei", Role.MANAGER, "rl.north", "Sales manager Beijing"),
                person("flm.tianjin", "Liu Yang", Role.MANAGER, "rl.north", "Sales manager Tianjin"),
                person("flm.shanghai", "Huang Jing", Role.MANAGER, "rl.south", "Sales manager Shanghai"),
                person("flm.shenzhen", "Zhou Tao", Role.MANAGER, "rl.south", "Sales manager Shenzhen"),
                rep("rep.xu", "Xu Ming", "flm.beijing"),
                rep("rep.sun", "Sun Li", "flm.beijing"),
                rep("rep.ma", "Ma Jun", "flm.beijing"),
                rep("rep.zhu", "Zhu Hong", "flm.tianjin"),
                rep("rep.hu", "Hu Bin", "flm.tianjin"),
                rep("rep.guo", "Guo Qiang", "flm.tianjin"),
                rep("rep.he", "He Yan", "flm.shanghai"),
                rep("rep.gao", "Gao Feng", "flm.shanghai"),
                rep("rep.lin", "Lin Xue", "flm.shanghai"),
                rep("rep.luo", "Luo Hao", "flm.shenzhen"),
                rep("rep.zheng", "Zheng Yu", "flm.shenzhen"),
                rep("rep.liang", "Liang Kai", "flm.shenzhen"));
    }

    private static Person rep(String id, String name, String managerId) {
        return person(id, name, Role.REP, managerId, "Account manager");
    }

    private static Person person(String id, String name, Role role, String managerId, String title) {
        return new Person(id, name, id + "@demo.local", role, managerId, title);
    }

    static final List<String> COMPANIES = List.of(
            "Huaxin Precision Machinery", "Jinghai Logistics", "Dongfang Retail Group", "Xinyuan Pharmaceuticals",
            "Changjiang Auto Parts", "Tianfu Energy", "Minsheng Food", "Hongda Electronics", "Pearl River Textiles",
            "Beifang Steel", "Lianhua Supermarkets", "Zhongke Instruments", "Haitian Shipping", "Yunding Cloud Services",
            "Jiahe Medical Devices", "Taishan Cement", "Qingyun Software", "Ruifeng Chemicals", "Baoli Property Services",
            "Kaixuan Hotels", "Shenglong Packaging", "Anxin Insurance Brokers", "Fuxing Agricultural Machinery",
            "Guanghua Printing", "Weilai Education", "Hengtong Cables", "Sanxia Water Works", "Xinhua Bookstores",
            "Jinlong Buses", "Huayang Solar", "Tongren Pharmacy Chain", "Zhenhua Port Machinery", "Mingyang Wind Power",
            "Yili Dairy Trading", "Kangda Foods", "Xingtai Glass");
}
