package dev.cloudshift.core.translate;

import java.util.Map;

/** The hooks a rule file may name with {@code hook: <name>}; one class per hook. */
final class TranslationHooks {

    private static final Map<String, TranslationHook> HOOKS = Map.ofEntries(
            Map.entry("delegated_subnet", new DelegatedSubnetHook()),
            Map.entry("container_app", new ContainerAppHook()),
            Map.entry("cloud_run", new CloudRunHook()),
            Map.entry("application_gateway", new ApplicationGatewayHook()),
            Map.entry("security_group_rules", new SecurityGroupRulesHook()),
            Map.entry("nat_gateway_association", new NatGatewayAssociationHook()),
            Map.entry("role_assignments", new RoleAssignmentHook()),
            Map.entry("postgres_parameters", new PostgresParametersHook()),
            Map.entry("function_code", new FunctionCodeHook()),
            Map.entry("ecs_container", new EcsContainerHook()),
            Map.entry("subnet_group", new SubnetGroupHook()),
            Map.entry("fargate_service", new FargateServiceHook()),
            Map.entry("compose_cloud_run", new ComposeCloudRunHook()),
            Map.entry("route53_alias", new Route53AliasHook()),
            Map.entry("secret_iam_member", new SecretIamMemberHook()));

    private TranslationHooks() {
    }

    static TranslationHook named(String name) {
        return HOOKS.get(name);
    }
}
