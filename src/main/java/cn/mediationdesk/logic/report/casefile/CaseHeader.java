package cn.mediationdesk.logic.report.casefile;

/**
 * What heads every document of a case: the jurisdiction, the committee, and the numbers the case is
 * known by ({@code caseNumber} is {@code null} before acceptance, {@code leadNo} when none was given).
 */
public record CaseHeader(String jurisdiction, String committeeName, String caseNumber, String leadNo) {
}
