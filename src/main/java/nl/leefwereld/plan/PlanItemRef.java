package nl.leefwereld.plan;

import java.util.UUID;

/** kind: GOAL or AGREEMENT; id is the stable id of the goal/agreement (stable across versions). */
public record PlanItemRef(String kind, UUID id, String label, String lifeDomain) {}
