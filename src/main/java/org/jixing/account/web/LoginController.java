package org.jixing.account.web;

import org.jixing.shared.access.Public;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.ui.Model;

@Controller
class LoginController {

    @Public
    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        if (error != null) {
            model.addAttribute("errorKey", switch (error) {
                case "disabled" -> "login.error.disabled";
                case "second-factor" -> "login.error.secondFactor";
                default -> "login.error.bad";
            });
        }
        model.addAttribute("loggedOut", logout != null);
        return "account/login";
    }

}
