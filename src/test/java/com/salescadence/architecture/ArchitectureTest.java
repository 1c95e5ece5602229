package com.salescadence.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "com.salescadence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Between the capability modules (the packages right under com.salescadence, with their sub-packages). */
    @ArchTest
    static final ArchRule no_module_cycles = slices().matching("com.salescadence.(*)..").should().beFreeOfCycles();

    /** Between any two packages. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("com.salescadence.(**)").should().beFreeOfCycles();
}
