package dev.cloudshift.core.translate;

/**
 * Java for what a rule file cannot say (security group rules to NSG rules with generated priorities, listener rules to
 * an Application Gateway url_path_map, IAM actions to role assignments). A rule names its hook with {@code hook:};
 * the hook runs once per source resource block after every rule-made resource exists, and adds arguments, blocks,
 * resources, variables or TODOs through the {@link Translation} it is given.
 */
public interface TranslationHook {

    void apply(Translation translation, SourceGroup group);

    /**
     * True for a hook that judges what other hooks made (which secrets the ECS tasks read): it runs after every hook
     * that returns false, in source order among its kind.
     */
    default boolean afterOtherHooks() {
        return false;
    }
}
