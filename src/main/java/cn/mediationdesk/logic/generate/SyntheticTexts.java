package cn.mediationdesk.logic.generate;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The words of generated leads: what a mediator writes in the summary of each kind of dispute, and the
 * methods, places and notes of the steps that follow. Short, plausible and invented.
 */
final class SyntheticTexts {
    /** Per dispute type, summaries with {@code A} for the applicant and {@code B} for the respondent. */
    private static final Map<String, String[]> SUMMARIES = Map.ofEntries(
            Map.entry("MARRIAGE_FAMILY", new String[]{"A与B因赡养老人费用分担发生争执", "A与B夫妻感情不和，因家庭琐事多次争吵",
                    "A与B因子女抚养问题产生矛盾", "A与B兄弟姐妹间因父母遗产分配发生纠纷"}),
            Map.entry("NEIGHBOR", new String[]{"A与B因楼上漏水发生邻里纠纷", "A反映B在楼道堆放杂物影响通行",
                    "A与B因饲养宠物扰民产生矛盾", "A与B因装修噪音多次争吵"}),
            Map.entry("HOUSING_HOMESTEAD", new String[]{"A与B因宅基地边界划分发生争执", "A与B因房屋加建遮挡采光产生纠纷",
                    "A与B因共用通道归属发生争执"}),
            Map.entry("CONTRACT", new String[]{"A与B因借款到期未还发生纠纷", "A与B因买卖合同货款结算发生争议",
                    "A与B因房屋租赁押金退还发生纠纷"}),
            Map.entry("PRODUCTION_BUSINESS", new String[]{"A与B因合伙经营利润分配发生争执", "A与B因摊位经营范围发生矛盾"}),
            Map.entry("DAMAGES", new String[]{"A与B因打架致伤医疗费赔偿发生纠纷", "A与B因宠物咬伤赔偿发生争执",
                    "A与B因财物损坏赔偿产生矛盾"}),
            Map.entry("FOREST_LAND", new String[]{"A与B因承包地边界发生争执", "A与B因林地权属发生纠纷"}),
            Map.entry("LAND_REQUISITION", new String[]{"A对B拆迁补偿标准有异议", "A与B因征地安置补偿款分配发生纠纷"}),
            Map.entry("ENVIRONMENT", new String[]{"A反映B经营产生油烟噪音扰民", "A反映B养殖场异味影响生活"}),
            Map.entry("LABOR", new String[]{"A与B因拖欠工资发生劳动争议", "A与B因工伤待遇发生争执",
                    "A与B因解除劳动关系经济补偿发生纠纷"}),
            Map.entry("CONSUMER", new String[]{"A与B因购买商品质量问题发生消费纠纷", "A与B因预付卡退费发生争执"}),
            Map.entry("MEDICAL", new String[]{"A与B因诊疗后果及费用发生医疗纠纷", "A对B的护理服务不满产生纠纷"}),
            Map.entry("TRAFFIC", new String[]{"A与B因道路交通事故损害赔偿发生纠纷", "A与B因电动车碰撞致伤赔偿发生争执"}),
            Map.entry("PROPERTY_MGMT", new String[]{"A与B因物业费收缴发生纠纷", "A与B因小区停车管理发生争执",
                    "A与B因电梯维修费用分摊产生矛盾"}),
            Map.entry("OTHER", new String[]{"A与B因琐事发生口角产生矛盾", "A与B因网络言论发生纠纷"}));

    static final String[] VERIFICATION_METHODS = {"实地走访", "电话核实", "约谈当事人", "查阅相关材料"};
    static final String[] TRANSFER_BODIES = {"辖区派出所", "区人民法院", "区人力资源和社会保障局", "区住房和城乡建设局",
            "区市场监督管理局", "区信访局"};
    static final String[] PLACES = {"调解委员会调解室", "社区居民说事室", "当事人家中", "纠纷现场"};
    static final String EXTENSION_REASON = "案情复杂，经双方当事人同意延长调解期限";
    static final String SESSION_MATTER_SUFFIX = "纠纷调解";
    static final String SESSION_NOTE = "分别听取双方陈述，释法析理，双方同意继续协商";
    static final String SESSION_NOTE_RESOLVED = "双方达成一致意见";
    static final String SESSION_NOTE_FAILED = "双方分歧较大，调解不成，已告知通过诉讼等途径解决";
    static final String SESSION_NOTE_TERMINATED = "申请人撤回调解申请，终止调解";
    static final String VERIFICATION_NOTE = "经走访双方及周边群众核实情况";
    static final String FOLLOW_UP_REASON = "了解调解协议履行情况";
    static final String APPLICATION_REQUESTS = "请求调解委员会依法调解";
    static final String TERMS_APOLOGY = "双方自愿和解，互谅互让，今后和睦相处";
    static final String TERMS_PAYMENT = "被申请人于约定期限内一次性支付申请人约定款项；双方就本纠纷再无其他争议";
    static final String REASSESSMENT_REASON = "回访了解到事态变化，重新评估风险";

    private SyntheticTexts() {
    }

    static String summary(String type, String applicant, String respondent, SplittableRandom random) {
        String[] forms = SUMMARIES.getOrDefault(type, SUMMARIES.get("OTHER"));
        String form = forms[random.nextInt(forms.length)];
        return form.replace("A", applicant).replace("B", respondent);
    }
}
