package cn.mediationdesk.logic.demo;

import java.util.List;
import java.util.Map;

/**
 * The words of the demo jurisdiction: fictitious people written the way published case reports
 * write them (张某, 李某某), and one-line dispute summaries per dispute type. {@code {A}} is the
 * applicant, {@code {B}} the respondent, {@code {n}} the number of people involved.
 */
final class DemoTexts {
    static final List<String> SURNAMES = List.of("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴",
            "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
            "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁",
            "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜");

    /** Summaries per dispute type; the ones with {@code {n}} concern many people. */
    static final Map<String, List<String>> SUMMARIES = Map.ofEntries(
            Map.entry("MARRIAGE_FAMILY", List.of(
                    "{A}反映其与丈夫{B}因家庭琐事经常争吵，近期矛盾激化，要求调解",
                    "{A}与前夫{B}离婚后就子女抚养费的支付发生纠纷",
                    "{A}反映其子{B}不履行赡养义务，老人生活困难")),
            Map.entry("NEIGHBOR", List.of(
                    "{A}反映楼上住户{B}家中漏水，导致其房屋天花板受损",
                    "{A}与邻居{B}因在公共通道堆放杂物发生争执",
                    "{A}反映{B}饲养的犬只夜间吠叫扰民，双方多次发生口角")),
            Map.entry("HOUSING_HOMESTEAD", List.of(
                    "{A}与{B}因宅基地界址不清发生争执",
                    "{A}反映{B}新建房屋占用其房屋滴水线范围")),
            Map.entry("CONTRACT", List.of(
                    "{A}反映{B}承揽其房屋装修后未按约定完工，双方就工程款结算发生纠纷",
                    "{A}称{B}借款到期后未归还，多次催要未果")),
            Map.entry("PRODUCTION_BUSINESS", List.of(
                    "{A}与合伙人{B}因门店经营利润分配发生纠纷",
                    "{A}反映{B}收购其农产品后拖欠货款")),
            Map.entry("DAMAGES", List.of(
                    "{A}反映{B}饲养的犬只将其咬伤，双方就医疗费赔偿发生争执",
                    "{A}称其车辆被{B}施工时掉落的材料砸坏，要求赔偿")),
            Map.entry("FOREST_LAND", List.of(
                    "{A}与{B}因承包地边界及地上林木归属发生争执",
                    "{A}反映{B}在其承包林地内砍伐林木")),
            Map.entry("LAND_REQUISITION", List.of(
                    "{A}等{n}户村民反映征地补偿款分配方案不合理，要求重新核算",
                    "{A}与{B}就拆迁安置房的分配份额发生家庭内部纠纷")),
            Map.entry("ENVIRONMENT", List.of(
                    "{A}等居民反映{B}经营的餐馆油烟、噪音扰民",
                    "{A}反映{B}的养殖场污水排放影响其农田")),
            Map.entry("LABOR", List.of(
                    "{A}等{n}名务工人员反映{B}承包的工地拖欠工资",
                    "{A}在{B}的加工厂务工期间受伤，双方就工伤待遇发生争议")),
            Map.entry("CONSUMER", List.of(
                    "{A}反映在{B}经营的家电门店购买的空调存在质量问题，要求退换",
                    "{A}称在{B}经营的健身房预付费用后门店停业，要求退款")),
            Map.entry("MEDICAL", List.of(
                    "{A}反映其家属在{B}开办的诊所输液后出现不良反应，就赔偿发生争议",
                    "{A}对某卫生院的诊疗过程有异议，与院方代表{B}协商赔偿未果")),
            Map.entry("TRAFFIC", List.of(
                    "{A}驾驶电动车与{B}驾驶的小型轿车相撞受伤，双方就赔偿发生争议",
                    "{A}与{B}的车辆在小区路口发生剐蹭，就维修费用分担发生争执")),
            Map.entry("PROPERTY_MGMT", List.of(
                    "{A}认为小区物业服务不到位拒交物业费，物业公司负责人{B}申请调解",
                    "{A}反映小区电梯长期故障，与物业公司负责人{B}发生纠纷",
                    "{A}与物业公司负责人{B}因车位管理费收取标准发生争执")),
            Map.entry("OTHER", List.of(
                    "{A}与{B}因琐事发生口角，双方情绪激动",
                    "{A}反映{B}在其门市前长期占道摆摊，影响经营")));

    static final List<String> VERIFICATION_METHODS = List.of("实地走访", "电话核实", "约谈当事人", "查阅相关材料");

    static final List<String> TRANSFER_BODIES = List.of("新区派出所", "县人力资源和社会保障局劳动保障监察大队",
            "县人民法院诉讼服务中心", "县自然资源局");

    static final String COURT = "县人民法院";

    private DemoTexts() {
    }

    /** The 申请事项 of a party's written application. */
    static String applicationRequests(String applicant, String respondent) {
        return "请求人民调解委员会主持调解，依法化解%s与%s之间的纠纷。".formatted(applicant, respondent);
    }

    /** The 事由 of a 调解记录. */
    static String sessionMatter(String applicant, String respondent) {
        return "%s与%s纠纷调解".formatted(applicant, respondent);
    }

    static String fill(String template, String applicant, String respondent, int people) {
        return template.replace("{A}", applicant).replace("{B}", respondent).replace("{n}", Integer.toString(people));
    }
}
