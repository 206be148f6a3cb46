package miicbot.interview;

/**
 * The privacy changes a parent may ask MDH for, one box each on the request form.
 * Source: MDH, "Data Privacy and MIIC Records" (health.mn.gov/people/immunize/miic/privacy/dataprivacy.html).
 */
public enum RequestOption {
    /** Lock the record for every MIIC user; it is kept (not deleted) so the child is not re-enrolled. */
    OPT_OUT,
    /** Undo an earlier opt-out. */
    OPT_BACK_IN,
    /** Lock the record to one health care provider (a clinic); others can no longer view it. */
    LOCK,
    /** Undo an earlier lock. */
    UNLOCK,
    /** Stop MDH and public health reminder letters. */
    DECLINE_REMINDERS,
    /** Start reminder letters again. */
    RESUME_REMINDERS;

    /** The message key stem for this option, e.g. {@code option.opt_out}. */
    public String key() {
        return "option." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
