package org.jixing.shared.scope;

/**
 * What a user's scope is bound to. The five kinds (province, department, region,
 * provider, evaluation body) plus the two that enterprise and trainee accounts need:
 * their own enterprise and their own person record.
 */
public enum ScopeKind {

    PROVINCE, DEPARTMENT, REGION, PROVIDER, EVALUATION_BODY, ENTERPRISE, PERSON

}
