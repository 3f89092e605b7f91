package cn.mediationdesk.logic.lifecycle;

import java.util.List;
import java.util.Optional;

/**
 * The 民族 a party's form may name: the 56 ethnic groups of GB/T 3304-1991 (codes 01–56, in its
 * order) and its two further entries, 97 其他 and 98 外国血统中国籍人士. People often write a group
 * without its 族 (汉, 蒙古), so that is read as the group too.
 */
public final class EthnicGroups {
    public static final List<String> NAMES = List.of(
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
            "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
            "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
            "其他", "外国血统中国籍人士");

    private EthnicGroups() {
    }

    /** The official name of the group {@code text} names ("汉" → "汉族"), or empty when it names none. */
    public static Optional<String> officialName(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.strip();
        if (NAMES.contains(name)) {
            return Optional.of(name);
        }
        if (name.equals("外国血统")) {
            return Optional.of("外国血统中国籍人士");
        }
        // Only the 56 groups end in 族; 其他 and 外国血统中国籍人士 are never written shorter.
        return NAMES.subList(0, 56).contains(name + "族") ? Optional.of(name + "族") : Optional.empty();
    }
}
