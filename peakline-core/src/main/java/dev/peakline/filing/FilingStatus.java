package dev.peakline.filing;

import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a version of an enterprise-month stands (填报状态), and the steps between the states:
 *
 * <pre>
 *   DRAFT ──submit──▶ SUBMITTED ──approve──▶ APPROVED ──(a newer version approved)──▶ SUPERSEDED
 *     ▲  ◀──withdraw──   │
 *     └── RETURNED ◀─return (with comments); RETURNED ──submit──▶ SUBMITTED
 *   DRAFT, RETURNED ──discard──▶ DISCARDED (kept, with its lines and audit trail; the month is open again)
 * </pre>
 *
 * Draft and returned versions can be changed; a submitted one is with the verifier and locked; an approved one is
 * accounted and locked for good (a correction is a new version, which supersedes it when approved). At most one
 * version of a month is open (draft, submitted or returned) at a time.
 */
public enum FilingStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    RETURNED("已退回"),
    APPROVED("已通过"),
    SUPERSEDED("已被替代"),
    DISCARDED("已作废");

    /** A step of the workflow, with the states it starts from and the state it leads to. */
    public enum Step {
        SUBMIT("提交", EnumSet.of(DRAFT, RETURNED), SUBMITTED),
        RETURN("退回", EnumSet.of(SUBMITTED), RETURNED),
        APPROVE("通过", EnumSet.of(SUBMITTED), APPROVED),
        /** The enterprise takes a submitted version back before the verifier decides. */
        WITHDRAW("撤回", EnumSet.of(SUBMITTED), DRAFT),
        /** The enterprise gives up a draft or returned version. */
        DISCARD("作废", EnumSet.of(DRAFT, RETURNED), DISCARDED),
        SUPERSEDE("替代", EnumSet.of(APPROVED), SUPERSEDED);

        private final String nameCn;
        private final Set<FilingStatus> from;
        private final FilingStatus to;

        Step(String nameCn, Set<FilingStatus> from, FilingStatus to) {
            this.nameCn = nameCn;
            this.from = from;
            this.to = to;
        }

        public Set<FilingStatus> from() {
            return EnumSet.copyOf(from);
        }

        public FilingStatus to() {
            return to;
        }

        public String nameCn() {
            return nameCn;
        }
    }

    private final String nameCn;

    FilingStatus(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }

    /** Whether its lines may be changed: a draft or a returned version. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether the version keeps the month open, so that no new version may start: draft, submitted or returned. */
    public boolean open() {
        return this == DRAFT || this == SUBMITTED || this == RETURNED;
    }

    /** Whether the step may start from this state. */
    public boolean allows(Step step) {
        return step.from.contains(this);
    }

    /**
     * The state after the step.
     *
     * @throws Refusal {@link ErrorCode#STATE} when the step may not start from this state (approve a draft…)
     */
    public FilingStatus after(Step step, String what) {
        if (!allows(step)) {
            throw Refusal.of(
                    ErrorCode.STATE,
                    what + " is " + this + "; it must be " + step.from + " to become " + step.to + " (" + step.nameCn
                            + ")");
        }
        return step.to;
    }

    /**
     * Refuses a change of the lines unless the version is a draft or returned.
     *
     * @throws Refusal {@link ErrorCode#STATE} otherwise
     */
    public void checkEditable(String what) {
        if (!editable()) {
            throw Refusal.of(
                    ErrorCode.STATE,
                    what + " is " + this + "; only a draft or a returned filing can be changed (a correction is a new"
                            + " version)");
        }
    }
}
