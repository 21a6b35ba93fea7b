package org.ordo;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.docs.GeneratedDocs;
import org.ordo.docs.ModuleDocs;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(OrdoApplication.class);

    @Test
    void modulesOnlyUseEachOthersApis() {
        modules.verify();
    }

    /** docs/modules (diagrams, module canvases) is what Spring Modulith's Documenter writes for the code as it is. */
    @Test
    void theCommittedModuleDocumentationDescribesTheModulesAsTheyAre(@TempDir Path fresh) throws IOException {
        if (GeneratedDocs.writing()) {
            ModuleDocs.write(modules, ModuleDocs.FOLDER);
            return;
        }
        ModuleDocs.write(modules, fresh);
        GeneratedDocs.checkFolder(ModuleDocs.FOLDER, fresh, getClass().getSimpleName());
    }
}
