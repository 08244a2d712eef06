// The balancer lives beside the benchmarks, which put replicas behind it too.
export { startNginx } from "../../bench/nginx-balancer.mjs";
