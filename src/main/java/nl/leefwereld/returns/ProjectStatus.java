package nl.leefwereld.returns;

/** Where a project stands. A project may be marked running only with an embedding plan (how it becomes regular work). */
public enum ProjectStatus {
    PLANNED("Gepland"),
    RUNNING("Loopt"),
    FINISHED("Afgerond"),
    STOPPED_EARLY("Vroegtijdig gestopt");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
