import type { EmulatorContext } from "../context";
import { validationError } from "../errors";
import type { Router } from "../http/router";
import { html, json } from "../http/types";
import { newToken } from "../util/ids";
import { page } from "../util/html";
import { hostedPage } from "./hosted-pages";

const URL_TYPES = new Set(
  ("home_page account_settings_page edit_cost_codes_page online_reports_page help_page online_reporting_history online_reporting_refund online_reporting_pickup " +
    "online_reporting_scan online_reporting_claim store_change_plan web_client_home reports_balances reports_expenses reports_prints store_buy_postage store_meters " +
    "store_users store_payment_methods store_corp_contact_info store_meter_users store_meter_settings store_meter_address store_shipping_addresses store_refer_a_friend " +
    "store_account_credit store_reorder store_my_profile store_password store_comm_preferences store_netstamps_labels store_shipping_labels store_mailing_labels " +
    "store_scales_and_printers store_free_usps_supplies store_bubble_mailers store_shipping_supplies store_scales store_avery_net_stamps_labels store_avery_mailing_labels " +
    "store_meter_contact_info store_edit_meter_address store_home store_account store_cost_code store_history store_faq store_customer_home store_get_account_info_json " +
    "store_set_account_info_json store_user_categories store_category store_update_payment_method_resubmit store_default_payment_methods store_sign_out " +
    "custom_ship_notify_email help_center_home must_change_password contacts web_client_preferences web_client_default store_auto_buy set_terms_general upload_image " +
    "endicia_login phone_verification carrier_setup_dhl_express carrier_setup_ups carrier_management store_order_history store_subscriptions store_hardware store_envelopes " +
    "store_labels store_clear_netstamps store_original_netstamps store_netstamps store_sign_in add_payment carrier_setup_fedex parcelguard branded_tracking rate_advisor " +
    "parcelguard_claim parcelguard_claim_status").split(" "),
);

const HOSTED_URL_TTL_MS = 5 * 60_000;

/**
 * GET /v1/url?url_type=...: a one-time link to a hosted page. The link works for one request only, as
 * SERA documents; a second visit shows an expired-link page.
 */
export function registerHostedRoutes(router: Router, app: EmulatorContext): void {
  router.add("GET", "/sera/v1/url", (ctx) => {
    const urlType = ctx.url.searchParams.get("url_type");
    if (!urlType) throw validationError("url_type is required", "url_type");
    if (!URL_TYPES.has(urlType)) throw validationError(`url_type ${urlType} is not one of the documented hosted pages`, "url_type");
    const token = newToken(24);
    app.store.mutate((s) => (s.hostedUrls[token] = { account_id: ctx.account!.account_id, url_type: urlType, expires_at: new Date(app.clock.nowMs() + HOSTED_URL_TTL_MS).toISOString(), used: false }));
    const context = ctx.url.searchParams.get("application_context");
    return json(200, { url: `${app.baseUrl}/hosted/${token}/${urlType}${context ? `?application_context=${encodeURIComponent(context)}` : ""}` });
  }, { auth: true });

  router.add("GET", "/hosted/:token/:url_type", (ctx) => {
    const link = app.state.hostedUrls[ctx.params.token];
    const account = link && app.state.accounts.find((a) => a.account_id === link.account_id);
    if (!link || !account || link.used || Date.parse(link.expires_at) < app.clock.nowMs()) {
      return html(410, page("Link expired - Stamps.com", "<h1>This link has expired</h1><p>Hosted page links work once. Ask the application for a new one.</p>"));
    }
    app.store.mutate((s) => (s.hostedUrls[ctx.params.token].used = true));
    return html(200, hostedPage(app.state, account, link.url_type, ctx.url.searchParams.get("application_context")));
  });
}
