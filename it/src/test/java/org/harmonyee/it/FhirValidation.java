package org.harmonyee.it;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import java.util.List;

/**
 * HAPI FHIR's instance validator with the R4 core definitions, their snapshots and in-memory
 * terminology (no server is asked): what a FHIR client's own checks would find in a resource.
 */
public final class FhirValidation {

    private static final FhirValidator VALIDATOR = create();

    private FhirValidation() {
    }

    private static FhirValidator create() {
        FhirContext context = FhirContext.forR4Cached();
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context), new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context));
        return context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    /** The messages of severity error or fatal about {@code resource} (FHIR JSON). */
    public static List<SingleValidationMessage> errors(String resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
    }
}
