package io.duban.console.overview;

import io.duban.console.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** 总览, the office's home (inspectors may read it too). */
@Controller
class OverviewController {

    private final OverviewReader reader;

    OverviewController(OverviewReader reader) {
        this.reader = reader;
    }

    @GetMapping(ConsolePage.ROOT + "/overview")
    String overview(Model model) {
        model.addAttribute("page", ConsolePage.OVERVIEW);
        model.addAttribute("overview", reader.read());
        return "console/overview";
    }
}
