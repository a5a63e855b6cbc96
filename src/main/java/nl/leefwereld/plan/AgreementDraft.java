package nl.leefwereld.plan;

import java.time.LocalDate;

/** whoKind: HOUSEHOLD_MEMBER, NETWORK_MEMBER, PROFESSIONAL, ORGANISATION. due and checkDate may be null only for checkDate
 *  (the plan then takes due as the check date). */
public record AgreementDraft(String whoKind, String who, String what, LocalDate due, LocalDate checkDate) {}
