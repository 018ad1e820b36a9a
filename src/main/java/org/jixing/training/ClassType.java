package org.jixing.training;

/**
 * Regular classes, and the project-based ones that name an employer: 订单 (order), 冠名
 * (named after the employer), 定岗 (post) and 定向 (directed) training.
 */
public enum ClassType {

    REGULAR, ORDER, NAMED, POST, DIRECTED;

    public boolean needsEmployer() {
        return this != REGULAR;
    }

}
