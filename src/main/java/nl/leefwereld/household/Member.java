package nl.leefwereld.household;

public record Member(Person person, Relation relation) {
}
