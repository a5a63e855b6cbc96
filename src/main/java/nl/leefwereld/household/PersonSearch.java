package nl.leefwereld.household;

import java.util.List;

/**
 * One page of search results. {@code more} says that more persons matched than the page holds: the screen and the API
 * say so (never a silent cap), and the user searches more precisely.
 */
public record PersonSearch(List<PersonMatch> matches, boolean more, int pageSize) {
}
