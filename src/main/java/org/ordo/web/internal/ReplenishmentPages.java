package org.ordo.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ordo.identity.Actor;
import org.ordo.platform.Paging;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingDesk;
import org.ordo.shared.OrdoException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buyer's start page: the open proposals of the latest replenishment run with the figures behind them (on hand,
 * reserved, backordered, incoming, reorder point), a run started in the background with its progress, and the chosen
 * proposals turned into DRAFT purchase orders in one action.
 */
@Controller
class ReplenishmentPages {

    static final String JOB_KIND = "replenishment";

    private final PurchasingDesk desk;
    private final PageJobs jobs;
    private final PurchasingForms forms;

    ReplenishmentPages(PurchasingDesk desk, PageJobs jobs, PurchasingForms forms) {
        this.desk = desk;
        this.jobs = jobs;
        this.forms = forms;
    }

    /** What a run did, as its job keeps it; {@code ran} false when another run was under way. */
    public record RunResult(boolean ran, int checked, int proposed) {}

    @GetMapping("/purchasing")
    @PreAuthorize(PageAccess.BUYERS)
    String home(Model model) {
        model.addAttribute("run", desk.latestRun().orElse(null));
        model.addAttribute("proposals", desk.openProposals());
        model.addAttribute(
                "openOrders",
                desk.purchaseOrders(
                                new PurchasingDesk.PurchaseOrderFilter(
                                        PurchaseOrderStatus.openStates(), null, null, null),
                                Paging.of(0, 1))
                        .totalItems());
        model.addAttribute(
                "drafts",
                desk.purchaseOrders(
                                new PurchasingDesk.PurchaseOrderFilter(
                                        List.of(PurchaseOrderStatus.DRAFT), null, null, null),
                                Paging.of(0, 1))
                        .totalItems());
        return "purchasing/home";
    }

    /** Starts a run in the background; the page then polls its progress. */
    @PostMapping("/purchasing/runs")
    @PreAuthorize(PageAccess.BUYERS)
    String run(RedirectAttributes redirect) {
        try {
            String id = jobs.start(JOB_KIND, Actor.current().username(), progress -> {
                progress.total(1);
                RunResult result = desk.runReplenishment()
                        .map(r -> new RunResult(true, r.checked(), r.proposed()))
                        .orElse(new RunResult(false, 0, 0));
                progress.done(1);
                return result;
            });
            return "redirect:/purchasing/jobs/" + id;
        } catch (IllegalStateException busy) {
            redirect.addFlashAttribute("refused", forms.text("purchasing.error.running"));
            return "redirect:/purchasing";
        }
    }

    @GetMapping("/purchasing/jobs/{id}")
    @PreAuthorize(PageAccess.BUYERS)
    String job(@PathVariable String id, Model model) {
        model.addAttribute("job", ownJob(id));
        return "purchasing/job";
    }

    /** The progress fragment htmx polls while the run goes on; once done it carries no trigger and polling stops. */
    @GetMapping("/purchasing/jobs/{id}/progress")
    @PreAuthorize(PageAccess.BUYERS)
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", ownJob(id));
        return "purchasing/job :: progress";
    }

    /** The chosen proposals become DRAFT purchase orders, one per supplier and warehouse. */
    @PostMapping("/purchasing/proposals/order")
    @PreAuthorize(PageAccess.BUYERS)
    String order(@RequestParam(name = "proposal", required = false) List<String> chosen, RedirectAttributes redirect) {
        List<UUID> ids = new ArrayList<>();
        for (String text : chosen == null ? List.<String>of() : chosen) {
            UUID id = PurchaseOrderPages.uuid(text);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("refused", forms.text("purchasing.proposals.noneChosen"));
            return "redirect:/purchasing";
        }
        List<PurchasingDesk.PurchaseOrderDetail> created;
        try {
            created = desk.orderProposals(ids);
        } catch (OrdoException refused) {
            redirect.addFlashAttribute("refused", forms.refusal(refused));
            return "redirect:/purchasing";
        }
        if (created.isEmpty()) {
            redirect.addFlashAttribute("refused", forms.text("purchasing.proposals.alreadyOrdered"));
            return "redirect:/purchasing";
        }
        List<String> numbers =
                created.stream().map(PurchasingDesk.PurchaseOrderDetail::number).toList();
        redirect.addFlashAttribute(
                "done",
                new PurchasingForms.Done(
                        "purchasing.proposals.ordered", List.of(numbers.size(), String.join(", ", numbers))));
        return numbers.size() == 1
                ? "redirect:/purchasing/orders/" + numbers.get(0)
                : "redirect:/purchasing/orders?status=DRAFT";
    }

    private PageJobs.View ownJob(String id) {
        PageJobs.View job = jobs.find(id, Actor.current().username())
                .filter(j -> JOB_KIND.equals(j.kind()))
                .orElse(null);
        if (job == null) {
            throw OrdoException.notFound("Job", id);
        }
        return job;
    }
}
