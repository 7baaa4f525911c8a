package io.duban.console.placeholder;

import io.duban.console.ConsolePage;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Pages of the navigation that are not built yet: an honest 建设中, no made-up data. */
@Controller
class PlaceholderController {

    @GetMapping(ConsolePage.ROOT + "/{slug:[a-z]+}")
    String page(@PathVariable String slug, Model model) {
        ConsolePage page = ConsolePage.bySlug(slug).filter(p -> !p.built())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", page);
        return "console/placeholder";
    }
}
