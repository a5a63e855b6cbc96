package nl.leefwereld.intake;

/** A notification as typed: the kitchen-table questions of the seeds (002 L439, 003 L613). */
public record NotificationDraft(String channel, String receivedOn, String reporter, String questionAsAsked, String questionBehind,
                                String ownStrength, String networkSummary, String supportOtherLaws, String carerLoad,
                                String childrensNeeds) {
}
