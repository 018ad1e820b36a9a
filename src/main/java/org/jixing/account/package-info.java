/**
 * Accounts, roles and data scopes: who may sign in, how (form login with throttled
 * failures, a TOTP second factor, API tokens read through a short cache), sessions that
 * end with the account, and which rows each user may see.
 */
@ApplicationModule(allowedDependencies = { "shared", "reference", "audit", "provider", "person", "enterprise" })
package org.jixing.account;

import org.springframework.modulith.ApplicationModule;
