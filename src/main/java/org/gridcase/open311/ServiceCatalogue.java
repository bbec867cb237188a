package org.gridcase.open311;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridcase.registry.CategoryService;
import org.gridcase.registry.CategoryView;
import org.springframework.stereotype.Component;

/**
 * The category catalogue as GeoReport services: every leaf category (the ones a case may have) is a service, its
 * parent the service's group. No service asks for more than the standard's fields (metadata false), and each
 * report gets its case number at once (type realtime).
 */
@Component
class ServiceCatalogue {

    private final CategoryService categories;

    ServiceCatalogue(CategoryService categories) {
        this.categories = categories;
    }

    List<GeoReport.Service> services() {
        List<CategoryView> all = categories.list();
        Map<String, CategoryView> byCode = all.stream().collect(Collectors.toMap(CategoryView::code, Function.identity()));
        return all.stream().filter(c -> c.parentCode() != null)
                .map(c -> service(c, byCode.get(c.parentCode()))).toList();
    }

    Optional<GeoReport.Service> service(String code) {
        return categories.find(code).filter(c -> c.parentCode() != null)
                .map(c -> service(c, categories.find(c.parentCode()).orElse(null)));
    }

    private static GeoReport.Service service(CategoryView category, CategoryView parent) {
        String group = parent == null ? null : parent.name();
        String keywords = group == null ? category.name() : group + ", " + category.name();
        return new GeoReport.Service(category.code(), category.name(), category.path(), false, "realtime", keywords,
                group);
    }
}
