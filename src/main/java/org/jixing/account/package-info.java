/**
 * Accounts, roles and data scopes: who may sign in, how (form login with throttled
 * failures, API tokens), and which rows each user may see.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit", "provider", "person", "enterprise" })
package org.jixing.account;

import org.springframework.modulith.ApplicationModule;
