package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgreementForm;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The agreement a resolved case ends with (若干规定 Art. 35). A written agreement needs its facts,
 * issues and terms; an oral one (人民调解口头协议登记表) its facts and terms.
 *
 * @param facts               纠纷事实: the main facts of the dispute
 * @param issues              争议事项: the matters in dispute
 * @param responsibility      各方责任: each party's responsibility
 * @param terms               协议内容: the obligations agreed
 * @param performanceWay      履行方式
 * @param performancePlace    履行地点
 * @param performanceDeadline 履行期限
 */
public record AgreementInput(AgreementForm form, String facts, String issues, String responsibility, String terms,
                             BigDecimal amount, String performanceWay, String performancePlace,
                             LocalDate performanceDeadline) {
}
