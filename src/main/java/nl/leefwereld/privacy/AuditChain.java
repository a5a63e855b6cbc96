package nl.leefwereld.privacy;

/**
 * Checks the audit trail's hash chain: per municipality the rows must be numbered 1, 2, 3… without gaps, each must
 * point to the hash of the row before it, and each row's hash must match its content. A row that was changed, removed
 * or slipped in (by someone who could get past the database's triggers) breaks the chain at that row.
 */
public interface AuditChain {

    /** Checks the chain of one municipality, or of every municipality when {@code municipalityCode} is null. */
    Verification verify(String municipalityCode);

    /**
     * @param rowsChecked      rows read (up to and including the first broken one)
     * @param intact           true when no row broke the chain
     * @param brokenMunicipality the municipality of the first broken row, or null
     * @param brokenSequence   its number in that municipality's chain, or null
     * @param brokenRowId      its id, or null
     * @param problem          what is wrong with it (Dutch), or null
     * @param lastHash         the hash of the last intact row checked (note it down elsewhere to detect a rewritten chain later)
     */
    record Verification(long rowsChecked, boolean intact, String brokenMunicipality, Long brokenSequence, Long brokenRowId,
                        String problem, String lastHash) {
    }
}
