package org.ordo.catalog.internal;

import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/tax-categories}: the codes a product's {@code taxCategory} may take, with their rates. */
@RestController
class TaxCategoryController {

    private final ProductStore catalog;

    TaxCategoryController(ProductStore catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/tax-categories")
    PageResult<TaxCategory> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return catalog.taxCategories(Paging.of(page, size));
    }
}
