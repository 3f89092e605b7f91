package cn.mediationdesk.model;

/** How the parties agreed to mediation (人民调解法 Art. 17). */
public enum ConsentWay {
    /** 书面申请: the parties applied in writing (人民调解申请书) */
    WRITTEN_APPLICATION,
    /** 签字确认: the parties signed their consent on the 受理登记表 */
    SIGNED_REGISTRATION,
    /** 口头同意: the parties agreed orally, recorded by the mediator */
    ORAL
}
