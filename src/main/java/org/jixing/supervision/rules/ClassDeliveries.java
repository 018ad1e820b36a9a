package org.jixing.supervision.rules;

import java.util.List;
import java.util.Set;

import org.jixing.supervision.ScanWindow;
import org.jixing.training.ClassFacts;
import org.jixing.training.ClassFacts.ClassDelivery;
import org.jixing.training.ClassStatus;

/** The completed classes a window covers, as delivered. */
final class ClassDeliveries {

    private ClassDeliveries() {
    }

    static List<ClassDelivery> completed(ClassFacts facts, ScanWindow window) {
        if (window.focused() && window.classIds().isEmpty()) {
            return List.of();
        }
        Set<Long> classes = window.focused() ? window.classIds() : facts.classesActive(window.from(), window.to(),
                RuleSupport.firstDay(window.from()), RuleSupport.dayAfter(window.to()));
        return facts.deliveries(classes)
            .stream()
            .filter(c -> c.status() == ClassStatus.COMPLETED || c.status() == ClassStatus.CLOSED)
            .toList();
    }

}
