package vn.gov.thidua.demo;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.Officer;
import vn.gov.thidua.demo.DemoMailbox.Mail;
import vn.gov.thidua.security.CurrentOfficer;

/**
 * Demo profile only: the demo mailbox, read in the browser with the Tasklist/Cockpit sign-in. An officer reads the mail
 * sent to their own address, as in their own mail program; the administrator reads every message, to see what the
 * product sends to everyone.
 */
@Controller
@ConditionalOnProperty(name = "app.demo.mailbox", havingValue = "true")
class DemoMailboxController {

    /** The signed-in reader's view: whose mail it is ({@code null} address: everyone's) and the messages. */
    record MailboxView(String user, String address, boolean running, List<Mail> messages) {
    }

    private final ObjectProvider<DemoMailbox> mailbox;
    private final AgencyDirectory directory;

    DemoMailboxController(ObjectProvider<DemoMailbox> mailbox, AgencyDirectory directory) {
        this.mailbox = mailbox;
        this.directory = directory;
    }

    @GetMapping({"/demo/mailbox", "/demo/mailbox/"})
    String page(Model model) {
        model.addAttribute("box", view());
        return "demo/mailbox";
    }

    @GetMapping(path = "/demo/mailbox/messages", produces = "application/json")
    @ResponseBody
    MailboxView messages() {
        return view();
    }

    private MailboxView view() {
        String user = CurrentOfficer.userId();
        String address = CurrentOfficer.isAdmin() ? null
                : directory.officer(user).map(Officer::getEmail).filter(e -> !e.isBlank()).orElse("");
        DemoMailbox box = mailbox.getIfAvailable();
        List<Mail> messages = box == null || "".equals(address) ? List.of() : box.messages(address);
        return new MailboxView(user, address, box != null, messages);
    }
}
