package dev.cloudshift.core.translate;

import dev.cloudshift.core.plan.PlannedResource;
import dev.cloudshift.hcl.emit.HclExpr;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Secret Manager IAM member (gcp -> aws, rule {@code gcp-to-aws/google_secret_manager_secret_iam_member.yaml}). A
 * member that grants one of the rule's {@code data.reader_roles} (secretAccessor) to the service account of a Cloud
 * Run service that reads the secret as an environment variable is what that service needs to start; on ECS the task
 * execution role reads the secret for the container's {@code secrets} (valueFrom), which the {@code fargate_service}
 * hook already allows: the member is recorded as absorbed with {@code data.absorbed}. Any other member (another role,
 * a user or group, an account no translated task runs as, a secret the task does not read) stays a TODO:
 * {@code data.todo} for a reader role, {@code data.todo_other_role} (with {@code {role}}) otherwise. Runs after the
 * other hooks, when every task's secrets are known.
 */
final class SecretIamMemberHook implements TranslationHook {

    /** {@code serviceAccount:${google_service_account.run.email}} or {@code ${google_service_account.run.member}}. */
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile(
            "^(?:serviceAccount:\\$\\{google_service_account\\.([A-Za-z0-9_-]+)\\.email\\}|\\$\\{google_service_account\\.([A-Za-z0-9_-]+)\\.member\\})$");
    /** {@code ${google_secret_manager_secret.db_password.id}} (or {@code .secret_id}, {@code .name}). */
    private static final Pattern SECRET = Pattern.compile(
            "^\\$\\{google_secret_manager_secret\\.([A-Za-z0-9_-]+)\\.(?:id|secret_id|name)\\}$");

    @Override
    public boolean afterOtherHooks() {
        return true;
    }

    @Override
    public void apply(Translation t, SourceGroup g) {
        Map<String, Object> data = t.ruleData(g.type);
        List<?> readerRoles = data.get("reader_roles") instanceof List<?> l ? l : List.of();
        String otherRole = null;
        boolean covered = true;
        for (PlannedResource r : g.instances.values()) {
            Object role = r.resource().raw().get("role");
            if (!readerRoles.contains(role)) {
                otherRole = String.valueOf(role);
                covered = false;
                break;
            }
            covered &= readByItsTask(t, r);
        }
        String file = t.rules.rule(g.type).file();
        if (covered) {
            t.absorbed.add(g.key + ": " + text(t, g, data, "absorbed"));
        } else if (otherRole != null) {
            t.todo(g.key, text(t, g, data, "todo_other_role").replace("{role}", otherRole), file, null);
        } else {
            t.todo(g.key, text(t, g, data, "todo"), file, null);
        }
    }

    /**
     * Whether the member's service account became the task role of a translated ECS task whose container reads the
     * member's secret through valueFrom.
     */
    private static boolean readByItsTask(Translation t, PlannedResource r) {
        Matcher account = SERVICE_ACCOUNT.matcher(String.valueOf(r.resource().raw().get("member")));
        Matcher secret = SECRET.matcher(String.valueOf(r.resource().raw().get("secret_id")));
        if (!account.matches() || !secret.matches()) {
            return false;
        }
        SourceGroup accountGroup = t.groupOf("google_service_account", account.group(1) != null ? account.group(1) : account.group(2));
        SourceGroup secretGroup = t.groupOf("google_secret_manager_secret", secret.group(1));
        Draft role = accountGroup == null ? null : t.draft(accountGroup, "aws_iam_role");
        Draft translated = secretGroup == null ? null : t.draft(secretGroup, "aws_secretsmanager_secret");
        if (role == null || translated == null || role.multi() || translated.multi()) {
            return false;
        }
        HclExpr roleArn = Translation.self(role, null).attr("arn");
        return FargateServiceHook.taskReadsSecret(t, roleArn, Translation.self(translated, null).attr("arn"));
    }

    private static String text(Translation t, SourceGroup g, Map<String, Object> data, String key) {
        if (!(data.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(t.rules.rule(g.type).origin() + ": expected data." + key + " (a text)");
        }
        return s;
    }
}
