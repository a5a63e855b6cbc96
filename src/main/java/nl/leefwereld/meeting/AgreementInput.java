package nl.leefwereld.meeting;

/** One decision of the meeting as typed: who (kind and name) does what, by when, checked when. All empty: no agreement. */
public record AgreementInput(String whoKind, String who, String what, String due, String checkDate) {

    public boolean blank() {
        return isBlank(whoKind) && isBlank(who) && isBlank(what) && isBlank(due) && isBlank(checkDate);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
