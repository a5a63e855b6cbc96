package nl.leefwereld.household;

import java.util.List;

/** The person being created is probably already known; the user must choose or confirm. */
public class LikelyDuplicateException extends RuntimeException {

    private final List<DuplicateCandidate> candidates;

    public LikelyDuplicateException(List<DuplicateCandidate> candidates) {
        super(candidates.size() + " likely duplicates");
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCandidate> candidates() {
        return candidates;
    }
}
