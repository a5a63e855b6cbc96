package nl.leefwereld.privacy;

public enum AuditAction {
    READ, CREATE, UPDATE, DELETE, EXPORT, SEARCH, BREAK_GLASS
}
