package org.jixing.audit;

import org.jixing.shared.PageResult;

/** Reading the trail: for the province administrator and auditors only. */
public interface AuditEntries {

    PageResult<AuditEntry> search(AuditFilter filter, int page, int size);

    AuditEntry get(long seq);

}
