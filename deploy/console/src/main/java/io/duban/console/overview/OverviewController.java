package io.duban.console.overview;

import io.duban.console.ConsolePage;
import io.duban.console.session.ConsoleUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 总览, the office's home (inspectors may read it too). {@code from} / {@code to} choose the overdue trend's period;
 * a date it cannot use is shown next to its field and only that chart is left out.
 */
@Controller
class OverviewController {

    private final OverviewReader reader;

    OverviewController(OverviewReader reader) {
        this.reader = reader;
    }

    @GetMapping(ConsolePage.ROOT + "/overview")
    String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    Model model) {
        model.addAttribute("page", ConsolePage.OVERVIEW);
        model.addAttribute("overview", reader.read(from, to));
        // the inbox link only for those who may open it (inspectors read the counts, the office decides)
        model.addAttribute("inboxOpen", model.getAttribute("me") instanceof ConsoleUser me
                && ConsolePage.INBOX.openTo(me.role()));
        return "console/overview";
    }
}
