package cn.mediationdesk.logic.generate;

import cn.mediationdesk.model.Gender;

import java.util.SplittableRandom;

/**
 * Invented Chinese names: a surname drawn by how common it is, and a given name of one or two
 * characters from lists that lean male or female. Also companies, streets and ID and phone numbers
 * that pass the app's checks (GB 11643 check digit, a mobile number's shape). Nobody is real.
 */
final class ChineseNames {
    /** The commonest surnames, most common first; drawn with weight falling by rank. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国志永胜海峰亮成东文德";
    private static final String FEMALE = "芳娜敏静丽艳娟霞燕玲萍红梅琳莉雪慧婷兰凤洁琴云秀英华倩颖玉珍桂丹萍月红春晓";
    private static final String[] COMPANY_WORDS = {"鑫源", "宏达", "恒泰", "华兴", "盛世", "金鼎", "永安", "德信", "天成",
            "瑞丰", "兴隆", "佳和", "顺通", "万家", "博远", "新锐"};
    private static final String[] COMPANY_KINDS = {"物业管理有限公司", "建筑工程有限公司", "商贸有限公司", "餐饮管理有限公司",
            "房地产开发有限公司", "运输有限公司", "装饰工程有限公司", "家政服务有限公司", "医院", "汽车销售服务有限公司"};
    private static final String[] STREETS = {"人民路", "解放路", "建设路", "幸福路", "和平街", "中山路", "新华街", "光明路",
            "文化路", "滨河路", "朝阳路", "迎宾大道"};
    private static final String ETHNIC_MINORITIES = "回族;满族;壮族;土家族;苗族;蒙古族";
    /** GB 11643 weights and check characters (ISO 7064 MOD 11-2). */
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] MOBILE_PREFIXES = {"130", "131", "132", "135", "136", "137", "138", "139", "150", "151",
            "152", "155", "157", "158", "159", "176", "177", "180", "181", "186", "187", "188", "189", "199"};

    private final SplittableRandom random;
    /** The region code (first six digits of an ID number) of the jurisdiction's people. */
    private final String region;

    ChineseNames(SplittableRandom random, String region) {
        this.random = random;
        this.region = region;
    }

    String surname() {
        // rank r is drawn with weight about 1/(r+8): the top ten are a third of all people, as in China
        int n = SURNAMES.length();
        double u = random.nextDouble();
        int rank = (int) (Math.pow(n + 8.0, u) * Math.pow(8.0, 1 - u)) - 8;
        return String.valueOf(SURNAMES.charAt(Math.max(0, Math.min(n - 1, rank))));
    }

    String name(Gender gender) {
        String given = gender == Gender.MALE ? MALE : FEMALE;
        StringBuilder name = new StringBuilder(3).append(surname()).append(given.charAt(random.nextInt(given.length())));
        if (random.nextInt(10) < 7) {
            name.append(given.charAt(random.nextInt(given.length())));
        }
        return name.toString();
    }

    String company() {
        return COMPANY_WORDS[random.nextInt(COMPANY_WORDS.length)] + COMPANY_KINDS[random.nextInt(COMPANY_KINDS.length)];
    }

    String address(String community) {
        return community + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(399)) + "号";
    }

    String mobile() {
        StringBuilder phone = new StringBuilder(11).append(MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)]);
        for (int i = 0; i < 8; i++) {
            phone.append((char) ('0' + random.nextInt(10)));
        }
        return phone.toString();
    }

    /** Most people are Han, whose 民族 the forms leave blank; now and then a minority is recorded. */
    String ethnicity() {
        if (random.nextInt(25) != 0) {
            return null;
        }
        String[] minorities = ETHNIC_MINORITIES.split(";");
        return minorities[random.nextInt(minorities.length)];
    }

    /** A valid ID number of someone of {@code gender} born on {@code born} (the 17th digit is odd for men). */
    String idNumber(java.time.LocalDate born, Gender gender) {
        int order = random.nextInt(500) * 2 + (gender == Gender.MALE ? 1 : 0);
        String first17 = region + "%04d%02d%02d%03d".formatted(born.getYear(), born.getMonthValue(),
                born.getDayOfMonth(), order);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK[sum % 11];
    }

    /** A valid unified social credit code (GB 32100-2015) of a company registered in the region. */
    String creditCode() {
        StringBuilder code = new StringBuilder(18).append("9").append("1").append(region);
        for (int i = 0; i < 9; i++) {
            code.append(CREDIT_CHARS.charAt(random.nextInt(CREDIT_CHARS.length())));
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int check = 31 - sum % 31;
        return code.append(CREDIT_CHARS.charAt(check == 31 ? 0 : check)).toString();
    }
}
