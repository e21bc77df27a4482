package com.creditdesk.query.letters;

import com.creditdesk.platform.web.Problems;
import com.creditdesk.platform.web.validation.Id;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class LetterController {
    private final Letters letters;

    LetterController(Letters letters) {
        this.letters = letters;
    }

    @Operation(summary = "A letter on paper as PDF: the formal notice or the hand-over letter of an invoice",
            description = "**Roles:** CREDIT, SALES, ANALYST. `letterId` is `<invoiceId>-FORMAL_NOTICE` or "
                    + "`<invoiceId>-HANDOVER`; `404` until that letter was sent. In the customer's language, with the "
                    + "company's details, the invoice, the structured communication and the legal wording.")
    @GetMapping(value = "/api/accounts/{customerId}/letters/{letterId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<Object>> letter(@PathVariable @Id String customerId, @PathVariable @Id String letterId) {
        return Mono.fromCallable(() -> letters.pdf(customerId, letterId)
                        .<ResponseEntity<Object>>map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                                .header("Content-Disposition", "inline; filename=\"" + letterId + ".pdf\"")
                                .body(pdf))
                        .orElseGet(() -> Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "Not found",
                                "no letter " + letterId + " of account " + customerId))))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
