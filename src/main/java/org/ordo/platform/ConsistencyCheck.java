package org.ordo.platform;

import java.util.List;

/**
 * A module's contribution to {@code GET /api/admin/consistency}: re-derives what the module stores and
 * reports, per invariant of docs/domain.md, whether it holds and which rows break it.
 */
public interface ConsistencyCheck {

    List<InvariantCheck> check();
}
