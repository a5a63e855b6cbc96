package nl.leefwereld.privacy;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why data would be shared. Consent is recorded per purpose and per recipient, and each purpose allows only certain
 * kinds of recipient (the rule table below): sharing "within the municipality" can only go to one of its own teams,
 * an exchange with a care provider never to the municipality itself, and a planning meeting only with the people and
 * organisations invited to it (the household's network).
 */
public enum ConsentPurpose {
    SHARE_WITHIN_MUNICIPALITY("Gegevens delen binnen de gemeente", RecipientKind.MUNICIPAL_TEAM),
    REFERRAL("Doorverwijzen naar een andere organisatie", RecipientKind.ORGANISATION_OUTSIDE),
    PLANNING_MEETING("Gegevens delen voor een planbijeenkomst", RecipientKind.INVITED),
    CASE_CONSULTATION("Casusoverleg met partners", RecipientKind.MUNICIPAL_TEAM, RecipientKind.ORGANISATION_OUTSIDE),
    PROVIDER_EXCHANGE("Gegevens uitwisselen met een zorgaanbieder", RecipientKind.ORGANISATION_OUTSIDE),
    RESEARCH("Gebruik voor onderzoek (zonder naam)", RecipientKind.MUNICIPAL_TEAM, RecipientKind.ORGANISATION_OUTSIDE);

    /** Who a recipient is, as far as consent is concerned. */
    public enum RecipientKind {
        /** One of the municipality's own teams, by its team name. */
        MUNICIPAL_TEAM("een team van de gemeente"),
        /** An organisation that is not the municipality: not a team name, not the municipality's name, not "Gemeente …". */
        ORGANISATION_OUTSIDE("een organisatie buiten de gemeente"),
        /** A person or organisation in the household's network (the people invited to its planning meeting). */
        INVITED("iemand die is uitgenodigd: een persoon of organisatie uit het netwerk van het huishouden");

        private final String label;

        RecipientKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String label;
    private final Set<RecipientKind> allowed;

    ConsentPurpose(String label, RecipientKind first, RecipientKind... more) {
        this.label = label;
        this.allowed = EnumSet.of(first, more);
    }

    public String label() {
        return label;
    }

    /** The kinds of recipient this purpose allows. */
    public Set<RecipientKind> allowedRecipients() {
        return EnumSet.copyOf(allowed);
    }

    public boolean allows(RecipientKind kind) {
        return allowed.contains(kind);
    }

    /** "een team van de gemeente of een organisatie buiten de gemeente": for the error next to the recipient field. */
    public String allowedDescription() {
        return allowed.stream().map(RecipientKind::label).collect(Collectors.joining(" of "));
    }
}
