package org.jixing.training;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jixing.shared.scope.CurrentUser;

/**
 * A step in a class's life: from which statuses, to which status, whether it needs a
 * reason, and which action of the module's policy ({@link TrainingPermission}) it is, so
 * the policy alone says who may take it. The service takes a step only when {@link #take}
 * allows it, and the class page shows the buttons of {@link #open}.
 */
public enum ClassDecision {

    APPROVE(EnumSet.of(ClassStatus.SUBMITTED), ClassStatus.APPROVED, false, TrainingPermission.CLASS_REVIEW),
    REJECT(EnumSet.of(ClassStatus.SUBMITTED), ClassStatus.REJECTED, true, TrainingPermission.CLASS_REVIEW),
    START(EnumSet.of(ClassStatus.APPROVED), ClassStatus.RUNNING, false, TrainingPermission.CLASS_RUN),
    COMPLETE(EnumSet.of(ClassStatus.RUNNING), ClassStatus.COMPLETED, false, TrainingPermission.CLASS_RUN),
    CLOSE(EnumSet.of(ClassStatus.COMPLETED), ClassStatus.CLOSED, false, TrainingPermission.CLASS_REVIEW),
    CANCEL(EnumSet.of(ClassStatus.SUBMITTED, ClassStatus.APPROVED, ClassStatus.RUNNING), ClassStatus.CANCELLED, true,
            TrainingPermission.CLASS_DECIDE);

    /** The answer to a step asked of a class: the status it leads to, or why not. */
    public sealed interface Step {

        ClassDecision decision();

        default boolean allowed() {
            return this instanceof Next;
        }

        /** The step may be taken and leads to {@code to}. */
        record Next(ClassDecision decision, ClassStatus from, ClassStatus to) implements Step {
        }

        /** The policy does not let this user's role take the step. */
        record NotPermitted(ClassDecision decision) implements Step {
        }

        /** The class's status is not one the step leaves from. */
        record NotFrom(ClassDecision decision, ClassStatus status) implements Step {
        }

    }

    private final Set<ClassStatus> from;

    private final ClassStatus to;

    private final boolean needsReason;

    private final TrainingPermission permission;

    ClassDecision(Set<ClassStatus> from, ClassStatus to, boolean needsReason, TrainingPermission permission) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.permission = permission;
    }

    /**
     * This step asked by a user of a class in a status: who comes first (the policy),
     * then from where (the status).
     */
    public Step take(ClassStatus status, CurrentUser who) {
        if (!permits(who)) {
            return new Step.NotPermitted(this);
        }
        if (!appliesTo(status)) {
            return new Step.NotFrom(this, status);
        }
        return new Step.Next(this, status, to);
    }

    /**
     * The steps a user may take on a class in a status, in the order of their buttons.
     */
    public static List<ClassDecision> open(ClassStatus status, CurrentUser who) {
        return Arrays.stream(values()).filter(d -> d.take(status, who).allowed()).toList();
    }

    /** Whether the policy lets this user's role take the step, whatever the status. */
    public boolean permits(CurrentUser who) {
        return permission.allows(who);
    }

    public boolean appliesTo(ClassStatus status) {
        return from.contains(status);
    }

    public ClassStatus to() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }

    /** The action of the module's policy this step is. */
    public TrainingPermission permission() {
        return permission;
    }

    /** The lower-case verb used in URLs and audit actions. */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

}
