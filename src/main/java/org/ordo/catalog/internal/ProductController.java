package org.ordo.catalog.internal;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.ordo.identity.Actor;
import org.ordo.platform.ETags;
import org.ordo.platform.PageResult;
import org.ordo.platform.Paging;
import org.ordo.platform.RaceRetry;
import org.ordo.shared.ExternalReference;
import org.ordo.shared.OrdoException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/products}: anyone signed in reads; ADMIN and SALES change. Products are deactivated, never deleted. */
@RestController
@RequestMapping("/api/products")
class ProductController {

    private final ProductStore products;
    private final ProductService management;

    ProductController(ProductStore products, ProductService management) {
        this.products = products;
        this.management = management;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<Product> create(@RequestBody ProductRequest request) {
        Product created = management.create(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/products/" + created.sku()))
                .header(HttpHeaders.ETAG, ETags.of(created.version()))
                .body(created);
    }

    /**
     * Creates the product an outside system's id names (201 with Location) or replaces its fields (200); the body is the
     * create's. Two first PUTs for one id at once create one product.
     */
    @PutMapping("/external/{system}/{externalId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<Product> upsert(
            @PathVariable String system, @PathVariable String externalId, @RequestBody ProductRequest request) {
        ExternalReference ref = ExternalReference.of(system, externalId);
        ProductService.Upserted done = RaceRetry.onDuplicateKey(
                () -> management.upsert(ref, request, true), () -> management.upsert(ref, request, false));
        ResponseEntity.BodyBuilder response = done.created()
                ? ResponseEntity.status(HttpStatus.CREATED)
                        .location(URI.create("/api/products/" + done.product().sku()))
                : ResponseEntity.ok();
        return response.header(HttpHeaders.ETAG, ETags.of(done.product().version()))
                .body(done.product());
    }

    /**
     * {@code q} matches name, description, SKU or GTIN (any case); {@code sku} and {@code category} are exact (a category
     * any case). Ordered by SKU.
     */
    @GetMapping
    PageResult<Product> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sku,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return products.search(q, sku, category, active, Paging.of(page, size)).map(ProductController::forCaller);
    }

    @GetMapping("/{sku}")
    ResponseEntity<Product> get(@PathVariable String sku) {
        return ok(products.product(sku).orElseThrow(() -> OrdoException.notFound("Product", sku)));
    }

    /** Full replace: absent fields are cleared or take their default; {@code sku} in the body must match or be absent. */
    @PutMapping("/{sku}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<Product> replace(
            @PathVariable String sku,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ProductRequest request) {
        return ok(management.replace(sku, ifMatch, request));
    }

    /** Partial update: only the fields present change; JSON null clears description, gtin, weightGrams or
     * category. */
    @PatchMapping("/{sku}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SALES')")
    ResponseEntity<Product> patch(
            @PathVariable String sku,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            description = "Any of the product's fields; null clears a nullable one",
                            content = @Content(schema = @Schema(implementation = ProductRequest.class)))
                    @RequestBody
                    JsonNode patch) {
        return ok(management.patch(sku, ifMatch, patch));
    }

    private static ResponseEntity<Product> ok(Product product) {
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, ETags.of(product.version()))
                .body(forCaller(product));
    }

    /** What a unit costs the company is not for customers' eyes. */
    private static Product forCaller(Product p) {
        if (p.unitCost() == null || !Actor.current().isCustomer()) {
            return p;
        }
        return new Product(
                p.sku(),
                p.name(),
                p.description(),
                p.unitPrice(),
                null,
                p.taxCategory(),
                p.taxRate(),
                p.gtin(),
                p.weightGrams(),
                p.active(),
                p.version(),
                p.createdAt(),
                p.updatedAt(),
                p.category());
    }
}
