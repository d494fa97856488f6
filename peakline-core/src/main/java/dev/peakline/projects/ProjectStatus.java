package dev.peakline.projects;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a 两高 project: proposed → under energy review (节能审查) → approved or refused → under construction →
 * operating → closed. A refused project may be proposed again; a project may be closed from any state but refused.
 */
public enum ProjectStatus {
    PROPOSED("拟建"),
    UNDER_REVIEW("节能审查中"),
    APPROVED("审查通过"),
    REFUSED("审查未通过"),
    UNDER_CONSTRUCTION("在建"),
    OPERATING("已投产"),
    CLOSED("已关停");

    private final String nameCn;

    ProjectStatus(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }

    /** The states this one may move to. */
    public Set<ProjectStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(UNDER_REVIEW, CLOSED);
            case UNDER_REVIEW -> EnumSet.of(APPROVED, REFUSED);
            case APPROVED -> EnumSet.of(UNDER_CONSTRUCTION, CLOSED);
            case REFUSED -> EnumSet.of(PROPOSED);
            case UNDER_CONSTRUCTION -> EnumSet.of(OPERATING, CLOSED);
            case OPERATING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(ProjectStatus.class);
        };
    }

    public boolean canMoveTo(ProjectStatus to) {
        return next().contains(to);
    }
}
