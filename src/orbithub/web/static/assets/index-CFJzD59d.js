const vt=globalThis,Yt=vt.ShadowRoot&&(vt.ShadyCSS===void 0||vt.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,Jt=Symbol(),ui=new WeakMap;let Fi=class{constructor(t,i,n){if(this._$cssResult$=!0,n!==Jt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=t,this.t=i}get styleSheet(){let t=this.o;const i=this.t;if(Yt&&t===void 0){const n=i!==void 0&&i.length===1;n&&(t=ui.get(i)),t===void 0&&((this.o=t=new CSSStyleSheet).replaceSync(this.cssText),n&&ui.set(i,t))}return t}toString(){return this.cssText}};const wn=e=>new Fi(typeof e=="string"?e:e+"",void 0,Jt),P=(e,...t)=>{const i=e.length===1?e[0]:t.reduce((n,s,a)=>n+(o=>{if(o._$cssResult$===!0)return o.cssText;if(typeof o=="number")return o;throw Error("Value passed to 'css' function must be a 'css' function result: "+o+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(s)+e[a+1],e[0]);return new Fi(i,e,Jt)},kn=(e,t)=>{if(Yt)e.adoptedStyleSheets=t.map(i=>i instanceof CSSStyleSheet?i:i.styleSheet);else for(const i of t){const n=document.createElement("style"),s=vt.litNonce;s!==void 0&&n.setAttribute("nonce",s),n.textContent=i.cssText,e.appendChild(n)}},hi=Yt?e=>e:e=>e instanceof CSSStyleSheet?(t=>{let i="";for(const n of t.cssRules)i+=n.cssText;return wn(i)})(e):e;const{is:xn,defineProperty:Sn,getOwnPropertyDescriptor:An,getOwnPropertyNames:Pn,getOwnPropertySymbols:En,getPrototypeOf:On}=Object,Ot=globalThis,pi=Ot.trustedTypes,Cn=pi?pi.emptyScript:"",Tn=Ot.reactiveElementPolyfillSupport,Ve=(e,t)=>e,$t={toAttribute(e,t){switch(t){case Boolean:e=e?Cn:null;break;case Object:case Array:e=e==null?e:JSON.stringify(e)}return e},fromAttribute(e,t){let i=e;switch(t){case Boolean:i=e!==null;break;case Number:i=e===null?null:Number(e);break;case Object:case Array:try{i=JSON.parse(e)}catch{i=null}}return i}},Xt=(e,t)=>!xn(e,t),mi={attribute:!0,type:String,converter:$t,reflect:!1,useDefault:!1,hasChanged:Xt};Symbol.metadata??=Symbol("metadata"),Ot.litPropertyMetadata??=new WeakMap;let Te=class extends HTMLElement{static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(t,i=mi){if(i.state&&(i.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(t)&&((i=Object.create(i)).wrapped=!0),this.elementProperties.set(t,i),!i.noAccessor){const n=Symbol(),s=this.getPropertyDescriptor(t,n,i);s!==void 0&&Sn(this.prototype,t,s)}}static getPropertyDescriptor(t,i,n){const{get:s,set:a}=An(this.prototype,t)??{get(){return this[i]},set(o){this[i]=o}};return{get:s,set(o){const d=s?.call(this);a?.call(this,o),this.requestUpdate(t,d,n)},configurable:!0,enumerable:!0}}static getPropertyOptions(t){return this.elementProperties.get(t)??mi}static _$Ei(){if(this.hasOwnProperty(Ve("elementProperties")))return;const t=On(this);t.finalize(),t.l!==void 0&&(this.l=[...t.l]),this.elementProperties=new Map(t.elementProperties)}static finalize(){if(this.hasOwnProperty(Ve("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ve("properties"))){const i=this.properties,n=[...Pn(i),...En(i)];for(const s of n)this.createProperty(s,i[s])}const t=this[Symbol.metadata];if(t!==null){const i=litPropertyMetadata.get(t);if(i!==void 0)for(const[n,s]of i)this.elementProperties.set(n,s)}this._$Eh=new Map;for(const[i,n]of this.elementProperties){const s=this._$Eu(i,n);s!==void 0&&this._$Eh.set(s,i)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(t){const i=[];if(Array.isArray(t)){const n=new Set(t.flat(1/0).reverse());for(const s of n)i.unshift(hi(s))}else t!==void 0&&i.push(hi(t));return i}static _$Eu(t,i){const n=i.attribute;return n===!1?void 0:typeof n=="string"?n:typeof t=="string"?t.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(t=>this.enableUpdating=t),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(t=>t(this))}addController(t){(this._$EO??=new Set).add(t),this.renderRoot!==void 0&&this.isConnected&&t.hostConnected?.()}removeController(t){this._$EO?.delete(t)}_$E_(){const t=new Map,i=this.constructor.elementProperties;for(const n of i.keys())this.hasOwnProperty(n)&&(t.set(n,this[n]),delete this[n]);t.size>0&&(this._$Ep=t)}createRenderRoot(){const t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return kn(t,this.constructor.elementStyles),t}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(t=>t.hostConnected?.())}enableUpdating(t){}disconnectedCallback(){this._$EO?.forEach(t=>t.hostDisconnected?.())}attributeChangedCallback(t,i,n){this._$AK(t,n)}_$ET(t,i){const n=this.constructor.elementProperties.get(t),s=this.constructor._$Eu(t,n);if(s!==void 0&&n.reflect===!0){const a=(n.converter?.toAttribute!==void 0?n.converter:$t).toAttribute(i,n.type);this._$Em=t,a==null?this.removeAttribute(s):this.setAttribute(s,a),this._$Em=null}}_$AK(t,i){const n=this.constructor,s=n._$Eh.get(t);if(s!==void 0&&this._$Em!==s){const a=n.getPropertyOptions(s),o=typeof a.converter=="function"?{fromAttribute:a.converter}:a.converter?.fromAttribute!==void 0?a.converter:$t;this._$Em=s;const d=o.fromAttribute(i,a.type);this[s]=d??this._$Ej?.get(s)??d,this._$Em=null}}requestUpdate(t,i,n,s=!1,a){if(t!==void 0){const o=this.constructor;if(s===!1&&(a=this[t]),n??=o.getPropertyOptions(t),!((n.hasChanged??Xt)(a,i)||n.useDefault&&n.reflect&&a===this._$Ej?.get(t)&&!this.hasAttribute(o._$Eu(t,n))))return;this.C(t,i,n)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(t,i,{useDefault:n,reflect:s,wrapped:a},o){n&&!(this._$Ej??=new Map).has(t)&&(this._$Ej.set(t,o??i??this[t]),a!==!0||o!==void 0)||(this._$AL.has(t)||(this.hasUpdated||n||(i=void 0),this._$AL.set(t,i)),s===!0&&this._$Em!==t&&(this._$Eq??=new Set).add(t))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(i){Promise.reject(i)}const t=this.scheduleUpdate();return t!=null&&await t,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[s,a]of this._$Ep)this[s]=a;this._$Ep=void 0}const n=this.constructor.elementProperties;if(n.size>0)for(const[s,a]of n){const{wrapped:o}=a,d=this[s];o!==!0||this._$AL.has(s)||d===void 0||this.C(s,void 0,a,d)}}let t=!1;const i=this._$AL;try{t=this.shouldUpdate(i),t?(this.willUpdate(i),this._$EO?.forEach(n=>n.hostUpdate?.()),this.update(i)):this._$EM()}catch(n){throw t=!1,this._$EM(),n}t&&this._$AE(i)}willUpdate(t){}_$AE(t){this._$EO?.forEach(i=>i.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(t)),this.updated(t)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(t){return!0}update(t){this._$Eq&&=this._$Eq.forEach(i=>this._$ET(i,this[i])),this._$EM()}updated(t){}firstUpdated(t){}};Te.elementStyles=[],Te.shadowRootOptions={mode:"open"},Te[Ve("elementProperties")]=new Map,Te[Ve("finalized")]=new Map,Tn?.({ReactiveElement:Te}),(Ot.reactiveElementVersions??=[]).push("2.1.2");const Qt=globalThis,gi=e=>e,_t=Qt.trustedTypes,fi=_t?_t.createPolicy("lit-html",{createHTML:e=>e}):void 0,Wi="$lit$",ae=`lit$${Math.random().toFixed(9).slice(2)}$`,Zi="?"+ae,In=`<${Zi}>`,ve=document,Xe=()=>ve.createComment(""),Qe=e=>e===null||typeof e!="object"&&typeof e!="function",ei=Array.isArray,Dn=e=>ei(e)||typeof e?.[Symbol.iterator]=="function",Dt=`[ 	
\f\r]`,Fe=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,vi=/-->/g,bi=/>/g,pe=RegExp(`>|${Dt}(?:([^\\s"'>=/]+)(${Dt}*=${Dt}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),yi=/'/g,$i=/"/g,Vi=/^(?:script|style|textarea|title)$/i,Gi=e=>(t,...i)=>({_$litType$:e,strings:t,values:i}),l=Gi(1),Ln=Gi(2),Z=Symbol.for("lit-noChange"),c=Symbol.for("lit-nothing"),_i=new WeakMap,me=ve.createTreeWalker(ve,129);function Ki(e,t){if(!ei(e)||!e.hasOwnProperty("raw"))throw Error("invalid template strings array");return fi!==void 0?fi.createHTML(t):t}const zn=(e,t)=>{const i=e.length-1,n=[];let s,a=t===2?"<svg>":t===3?"<math>":"",o=Fe;for(let d=0;d<i;d++){const u=e[d];let h,g,f=-1,$=0;for(;$<u.length&&(o.lastIndex=$,g=o.exec(u),g!==null);)$=o.lastIndex,o===Fe?g[1]==="!--"?o=vi:g[1]!==void 0?o=bi:g[2]!==void 0?(Vi.test(g[2])&&(s=RegExp("</"+g[2],"g")),o=pe):g[3]!==void 0&&(o=pe):o===pe?g[0]===">"?(o=s??Fe,f=-1):g[1]===void 0?f=-2:(f=o.lastIndex-g[2].length,h=g[1],o=g[3]===void 0?pe:g[3]==='"'?$i:yi):o===$i||o===yi?o=pe:o===vi||o===bi?o=Fe:(o=pe,s=void 0);const k=o===pe&&e[d+1].startsWith("/>")?" ":"";a+=o===Fe?u+In:f>=0?(n.push(h),u.slice(0,f)+Wi+u.slice(f)+ae+k):u+ae+(f===-2?d:k)}return[Ki(e,a+(e[i]||"<?>")+(t===2?"</svg>":t===3?"</math>":"")),n]};class et{constructor({strings:t,_$litType$:i},n){let s;this.parts=[];let a=0,o=0;const d=t.length-1,u=this.parts,[h,g]=zn(t,i);if(this.el=et.createElement(h,n),me.currentNode=this.el.content,i===2||i===3){const f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(s=me.nextNode())!==null&&u.length<d;){if(s.nodeType===1){if(s.hasAttributes())for(const f of s.getAttributeNames())if(f.endsWith(Wi)){const $=g[o++],k=s.getAttribute(f).split(ae),I=/([.?@])?(.*)/.exec($);u.push({type:1,index:a,name:I[2],strings:k,ctor:I[1]==="."?Mn:I[1]==="?"?Nn:I[1]==="@"?Un:Ct}),s.removeAttribute(f)}else f.startsWith(ae)&&(u.push({type:6,index:a}),s.removeAttribute(f));if(Vi.test(s.tagName)){const f=s.textContent.split(ae),$=f.length-1;if($>0){s.textContent=_t?_t.emptyScript:"";for(let k=0;k<$;k++)s.append(f[k],Xe()),me.nextNode(),u.push({type:2,index:++a});s.append(f[$],Xe())}}}else if(s.nodeType===8)if(s.data===Zi)u.push({type:2,index:a});else{let f=-1;for(;(f=s.data.indexOf(ae,f+1))!==-1;)u.push({type:7,index:a}),f+=ae.length-1}a++}}static createElement(t,i){const n=ve.createElement("template");return n.innerHTML=t,n}}function Le(e,t,i=e,n){if(t===Z)return t;let s=n!==void 0?i._$Co?.[n]:i._$Cl;const a=Qe(t)?void 0:t._$litDirective$;return s?.constructor!==a&&(s?._$AO?.(!1),a===void 0?s=void 0:(s=new a(e),s._$AT(e,i,n)),n!==void 0?(i._$Co??=[])[n]=s:i._$Cl=s),s!==void 0&&(t=Le(e,s._$AS(e,t.values),s,n)),t}class Rn{constructor(t,i){this._$AV=[],this._$AN=void 0,this._$AD=t,this._$AM=i}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(t){const{el:{content:i},parts:n}=this._$AD,s=(t?.creationScope??ve).importNode(i,!0);me.currentNode=s;let a=me.nextNode(),o=0,d=0,u=n[0];for(;u!==void 0;){if(o===u.index){let h;u.type===2?h=new rt(a,a.nextSibling,this,t):u.type===1?h=new u.ctor(a,u.name,u.strings,this,t):u.type===6&&(h=new jn(a,this,t)),this._$AV.push(h),u=n[++d]}o!==u?.index&&(a=me.nextNode(),o++)}return me.currentNode=ve,s}p(t){let i=0;for(const n of this._$AV)n!==void 0&&(n.strings!==void 0?(n._$AI(t,n,i),i+=n.strings.length-2):n._$AI(t[i])),i++}}class rt{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(t,i,n,s){this.type=2,this._$AH=c,this._$AN=void 0,this._$AA=t,this._$AB=i,this._$AM=n,this.options=s,this._$Cv=s?.isConnected??!0}get parentNode(){let t=this._$AA.parentNode;const i=this._$AM;return i!==void 0&&t?.nodeType===11&&(t=i.parentNode),t}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(t,i=this){t=Le(this,t,i),Qe(t)?t===c||t==null||t===""?(this._$AH!==c&&this._$AR(),this._$AH=c):t!==this._$AH&&t!==Z&&this._(t):t._$litType$!==void 0?this.$(t):t.nodeType!==void 0?this.T(t):Dn(t)?this.k(t):this._(t)}O(t){return this._$AA.parentNode.insertBefore(t,this._$AB)}T(t){this._$AH!==t&&(this._$AR(),this._$AH=this.O(t))}_(t){this._$AH!==c&&Qe(this._$AH)?this._$AA.nextSibling.data=t:this.T(ve.createTextNode(t)),this._$AH=t}$(t){const{values:i,_$litType$:n}=t,s=typeof n=="number"?this._$AC(t):(n.el===void 0&&(n.el=et.createElement(Ki(n.h,n.h[0]),this.options)),n);if(this._$AH?._$AD===s)this._$AH.p(i);else{const a=new Rn(s,this),o=a.u(this.options);a.p(i),this.T(o),this._$AH=a}}_$AC(t){let i=_i.get(t.strings);return i===void 0&&_i.set(t.strings,i=new et(t)),i}k(t){ei(this._$AH)||(this._$AH=[],this._$AR());const i=this._$AH;let n,s=0;for(const a of t)s===i.length?i.push(n=new rt(this.O(Xe()),this.O(Xe()),this,this.options)):n=i[s],n._$AI(a),s++;s<i.length&&(this._$AR(n&&n._$AB.nextSibling,s),i.length=s)}_$AR(t=this._$AA.nextSibling,i){for(this._$AP?.(!1,!0,i);t!==this._$AB;){const n=gi(t).nextSibling;gi(t).remove(),t=n}}setConnected(t){this._$AM===void 0&&(this._$Cv=t,this._$AP?.(t))}}class Ct{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(t,i,n,s,a){this.type=1,this._$AH=c,this._$AN=void 0,this.element=t,this.name=i,this._$AM=s,this.options=a,n.length>2||n[0]!==""||n[1]!==""?(this._$AH=Array(n.length-1).fill(new String),this.strings=n):this._$AH=c}_$AI(t,i=this,n,s){const a=this.strings;let o=!1;if(a===void 0)t=Le(this,t,i,0),o=!Qe(t)||t!==this._$AH&&t!==Z,o&&(this._$AH=t);else{const d=t;let u,h;for(t=a[0],u=0;u<a.length-1;u++)h=Le(this,d[n+u],i,u),h===Z&&(h=this._$AH[u]),o||=!Qe(h)||h!==this._$AH[u],h===c?t=c:t!==c&&(t+=(h??"")+a[u+1]),this._$AH[u]=h}o&&!s&&this.j(t)}j(t){t===c?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,t??"")}}class Mn extends Ct{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===c?void 0:t}}class Nn extends Ct{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==c)}}class Un extends Ct{constructor(t,i,n,s,a){super(t,i,n,s,a),this.type=5}_$AI(t,i=this){if((t=Le(this,t,i,0)??c)===Z)return;const n=this._$AH,s=t===c&&n!==c||t.capture!==n.capture||t.once!==n.once||t.passive!==n.passive,a=t!==c&&(n===c||s);s&&this.element.removeEventListener(this.name,this,n),a&&this.element.addEventListener(this.name,this,t),this._$AH=t}handleEvent(t){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,t):this._$AH.handleEvent(t)}}class jn{constructor(t,i,n){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=n}get _$AU(){return this._$AM._$AU}_$AI(t){Le(this,t)}}const qn=Qt.litHtmlPolyfillSupport;qn?.(et,rt),(Qt.litHtmlVersions??=[]).push("3.3.3");const Hn=(e,t,i)=>{const n=i?.renderBefore??t;let s=n._$litPart$;if(s===void 0){const a=i?.renderBefore??null;n._$litPart$=s=new rt(t.insertBefore(Xe(),a),a,void 0,i??{})}return s._$AI(e),s};const ti=globalThis;let Ge=class extends Te{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}update(t){const i=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(t),this._$Do=Hn(i,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return Z}};Ge._$litElement$=!0,Ge.finalized=!0,ti.litElementHydrateSupport?.({LitElement:Ge});const Bn=ti.litElementPolyfillSupport;Bn?.({LitElement:Ge});(ti.litElementVersions??=[]).push("4.2.2");const w=e=>(t,i)=>{i!==void 0?i.addInitializer(()=>{customElements.define(e,t)}):customElements.define(e,t)};const Fn={attribute:!0,type:String,converter:$t,reflect:!1,hasChanged:Xt},Wn=(e=Fn,t,i)=>{const{kind:n,metadata:s}=i;let a=globalThis.litPropertyMetadata.get(s);if(a===void 0&&globalThis.litPropertyMetadata.set(s,a=new Map),n==="setter"&&((e=Object.create(e)).wrapped=!0),a.set(i.name,e),n==="accessor"){const{name:o}=i;return{set(d){const u=t.get.call(this);t.set.call(this,d),this.requestUpdate(o,u,e,!0,d)},init(d){return d!==void 0&&this.C(o,void 0,e,d),d}}}if(n==="setter"){const{name:o}=i;return function(d){const u=this[o];t.call(this,d),this.requestUpdate(o,u,e,!0,d)}}throw Error("Unsupported decorator location: "+n)};function b(e){return(t,i)=>typeof i=="object"?Wn(e,t,i):((n,s,a)=>{const o=s.hasOwnProperty(a);return s.constructor.createProperty(a,n),o?Object.getOwnPropertyDescriptor(s,a):void 0})(e,t,i)}function p(e){return b({...e,state:!0,attribute:!1})}const Zn={code:"de",label:"Deutsch",server:"en",messages:{"app.name":"OrbitHub","app.offline":"Offline: die gespeicherte App wird angezeigt; Änderungen brauchen den Hub.","app.live":"Live","app.reconnecting":"Verbindung wird wiederhergestellt…","app.loading":"Wird geladen…","app.retry":"Erneut versuchen","app.close":"Schließen","app.save":"Speichern","app.cancel":"Abbrechen","app.none":"Hier ist noch nichts.","app.unavailable":"Auf diesem Hub nicht verfügbar.","nav.home":"Zuhause","nav.energy":"Energie","nav.activity":"Verlauf","nav.alerts":"Posteingang","nav.more":"Mehr","login.title":"Bei OrbitHub anmelden","login.username":"Benutzername","login.password":"Passwort","login.submit":"Anmelden","login.failed":"Anmeldung fehlgeschlagen: {message}","onboarding.title":"Willkommen! Lege das Konto des Eigentümers an","onboarding.intro":"Dieser Hub hat noch keine Benutzer. Das erste Konto gehört dem Eigentümer.","onboarding.display_name":"Dein Name","onboarding.submit":"Eigentümer anlegen",logout:"Abmelden","spaces.rooms_all":"Alle Räume","spaces.no_room":"Ganzer Bereich","spaces.empty":"Hier gibt es keine Geräte, die du sehen darfst.","spaces.kind.home":"Zuhause","spaces.kind.office":"Büro","spaces.kind.vehicle":"Auto","device.online":"Online","device.offline":"Offline","device.read_only":"Nur ansehen","device.details":"Details","device.confirmed":"{name}: erledigt","device.not_confirmed":"{name}: gesendet, das Gerät hat es noch nicht bestätigt","device.not_found":"Dieses Gerät gibt es nicht, oder du darfst es nicht sehen.","device.history":"Verlauf","device.no_history":"Für diesen Zeitraum ist nichts aufgezeichnet.","device.back":"Zurück","device.decrease":"Verringern","device.increase":"Erhöhen","confirm.unlock":"{name} entriegeln?","confirm.open":"{name} öffnen?","confirm.disarm":"{name} unscharf schalten?","confirm.unlock_button":"Entriegeln","confirm.open_button":"Öffnen","confirm.disarm_button":"Unscharf schalten","range.hour":"1 Std.","range.day":"24 Std.","range.week":"7 Tage","range.month":"30 Tage","energy.title":"Energie","energy.day":"Tag","energy.month":"Monat","energy.week":"Woche","energy.earlier":"Früher","energy.later":"Später","energy.per_day":"Pro Tag","energy.by_device":"Nach Gerät","energy.by_room":"Nach Raum","energy.total":"Gesamt {value} {unit}","energy.span":"Zeitraum","energy.today":"Zurück zu heute","energy.per_hour":"Pro Stunde","energy.top":"Größte Verbraucher","energy.nothing_used":"In diesem Zeitraum hat kein Gerät mit Zähler Strom verbraucht.","energy.priced_at":"Berechnet mit dem Stromtarif des Zuhauses: {tariff}","energy.no_tariff_title":"Kein Stromtarif","energy.no_tariff":"Für dieses Zuhause ist noch kein Stromtarif festgelegt; die App zeigt den Verbrauch, aber keine Kosten.","energy.no_tariff_ask":"Eigentümer oder Erwachsene des Zuhauses können ihn hier festlegen.","energy.price_per_kwh":"Preis pro kWh (ganztags gleich)","energy.currency":"Währung (drei Buchstaben, z. B. EUR, CNY)","energy.set_tariff":"Tarif festlegen","energy.flat_tariff":"Ganztags ein Preis","car.title":"Auto","car.battery":"Akku","car.range":"Reichweite","car.charging":"Laden","car.limit":"Ladegrenze","car.climate":"Laden, Innenraumklima und Türen","car.location":"Standort","car.plan":"Ladeplan","car.eta":"Ankunft","car.home":"Zuhause","car.office":"Büro","car.distance":"{km} km von zu Hause","car.eta_line":"{place}: {time} (in {minutes} Min.)","car.settings":"Ladeeinstellungen","car.target":"Ziel bis Abfahrt (%)","car.departure":"Abfahrt","car.settings_hint":"Der Plan lädt bis zur Abfahrt auf das Ziel, in den günstigsten Stunden des Tarifs; die Grenze ist das Höchste, worauf das Auto je lädt (schont den Akku).","car.precondition":"Innenraum jetzt vorheizen","car.preconditioning":"Der Innenraum wird auf {temperature} °C gebracht.","car.saved":"Gespeichert: das Auto plant neu.","car.target_over_limit":"Das Ziel ({target} %) liegt über der Grenze ({limit} %): Grenze erhöhen oder Ziel senken.","car.plan_line":"{target} % bis {time} · {cost}","activity.title":"Verlauf","activity.events":"Ereignisse","activity.audit":"Prüfprotokoll","activity.online":"{device} ist online","activity.offline":"{device} ist offline gegangen","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"an","activity.off":"aus","activity.zone_enter":"{device} hat {space} erreicht","activity.zone_leave":"{device} hat {space} verlassen","activity.arrived":"{person} ist in {space} angekommen","activity.left":"{person} hat {space} verlassen","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Jemand","assistant.placeholder":"Frage oder Befehl, z. B. „Küchenlicht an“","assistant.send":"Senden","assistant.all":"Alle","assistant.cancel":"Abbrechen","assistant.choices":"Wähle eines","notifications.title":"Benachrichtigungen","notifications.mark_read":"Als gelesen markieren","automations.title":"Automationen","automations.last_run":"Zuletzt gelaufen {time}: {outcome}","automations.never":"Noch nie gelaufen","automations.why":"Warum?","automations.run":"Jetzt ausführen","automations.started":"Gestartet.","automations.not_started":"Nicht gestartet: {reason}","automations.why_none":"Keine kürzliche Prüfung ihrer Auslöser hat sie aufgehalten.","automations.enabled":"An","automations.disabled":"Aus","automations.status_running":"läuft","automations.status_queued":"wartet","automations.status_done":"fertig","automations.status_failed":"fehlgeschlagen","automations.status_cancelled":"abgebrochen","automations.status_timed_out":"Zeit überschritten","automations.status_interrupted":"durch einen Stopp unterbrochen","automations.status_refused":"abgelehnt","insights.suggestions":"Vorschläge","insights.alerts":"Warnungen","insights.accept":"Annehmen","insights.reject":"Ablehnen","insights.dismiss":"Verwerfen","editor.new":"Neue Automation","editor.new_title":"Neue Automation","editor.edit_title":"{name} bearbeiten","editor.edit":"Bearbeiten","editor.delete":"Löschen","editor.delete_confirm":"Die Automation „{name}“ löschen? Das lässt sich nicht rückgängig machen.","editor.how":"Bearbeiten mit","editor.form":"Formular","editor.yaml_only":"Diese Automation kann mehr, als das Formular zeigt; bearbeite sie als YAML. Der Hub prüft beim Speichern jede Zeile.","editor.yaml_label":"Die Automation als YAML","editor.line":"Zeile {line}","editor.yaml_indentation":"Die Einrückung hier passt nicht zu den Zeilen darüber; richte sie am zugehörigen Feld aus.","editor.yaml_unclosed":"Ein Anführungszeichen oder eine Klammer, hier oder weiter oben geöffnet, ist nicht geschlossen.","editor.yaml_tab":"Ein Tabulator: rücke mit Leerzeichen ein.","editor.name":"Name","editor.when":"Wenn","editor.only_if":"Nur falls","editor.then":"Dann","editor.trigger_kind":"Was sie startet","editor.kind_state":"Zustand eines Geräts","editor.kind_time":"Eine Uhrzeit","editor.kind_sun":"Sonnenaufgang oder -untergang","editor.kind_window":"Zwischen zwei Uhrzeiten","editor.kind_days":"An diesen Tagen","editor.becomes":"Wird zu","editor.at":"Um","editor.sun_event":"Sonne","editor.sunrise":"Sonnenaufgang","editor.sunset":"Sonnenuntergang","editor.offset_minutes":"Minuten davor (−) oder danach","editor.condition_kind":"Bedingung","editor.always":"Immer","editor.is":"Ist","editor.after":"Nach","editor.before":"Vor","editor.device":"Gerät","editor.property":"Eigenschaft","editor.to_value":"Setzen auf","editor.add_action":"Noch ein Gerät setzen","editor.remove_action":"Entfernen","insights.review":"Automation prüfen","insights.review_accept":"Prüfen und annehmen","insights.accepted":"Als deine Automation gespeichert: {name}.","xiaomi.title":"Xiaomi-Geräte","xiaomi.added_devices":"Hinzugefügte Geräte","xiaomi.none":"Noch kein Xiaomi-Gerät hinzugefügt.","xiaomi.find":"Geräte im Netzwerk finden","xiaomi.look":"Nach Geräten suchen","xiaomi.looking":"Suche läuft…","xiaomi.nothing_found":"Kein Xiaomi-Gerät hat geantwortet. Ein Gerät in einem anderen Netz lässt sich über seine Adresse hinzufügen.","xiaomi.model_unknown":"Modell nach dem Hinzufügen bekannt","xiaomi.already_added":"hinzugefügt","xiaomi.use":"Diese Adresse verwenden","xiaomi.token_revealed":"Dieses Gerät gibt seinen Token im Netzwerk preis: Token leer lassen, der Hub übernimmt ihn.","xiaomi.where_tokens":"Woher kommen Tokens?","xiaomi.add":"Gerät hinzufügen","xiaomi.adding":"Frage das Gerät…","xiaomi.host":"Adresse","xiaomi.token":"Token (32 Hexadezimalziffern)","xiaomi.token_hint":"Der Token bleibt nur auf dem Hub und wird nie wieder angezeigt.","xiaomi.name":"Name (optional)","xiaomi.room":"Raum","xiaomi.added":"{name} hinzugefügt ({model}).","xiaomi.added_waiting":"{name} hinzugefügt; es wartet auf seine Spezifikation: {problem}","xiaomi.removed":"{name} entfernt; sein Token ist vergessen.","xiaomi.remove":"Entfernen","xiaomi.remove_question":"{name} entfernen und seinen Token vergessen?","xiaomi.answering":"Antwortet","xiaomi.silent":"Antwortet nicht","xiaomi.starting":"Verbinde…","xiaomi.waiting_spec":"Wartet auf seine Spezifikation","users.title":"Benutzer und Zugriff","users.create":"Benutzer hinzufügen","users.role":"Rolle","users.display_name":"Anzeigename","users.role.owner":"Eigentümer","users.role.adult":"Erwachsen","users.role.child":"Kind","users.role.guest":"Gast","users.grants":"Zugriff","users.grant":"Zugriff geben","users.revoke":"Entziehen","users.delete":"Benutzer entfernen","users.space":"Bereich","users.rooms":"Räume (keiner angekreuzt: der ganze Bereich)","users.devices":"Geräte (optional)","users.expires":"Läuft ab (optional)","users.whole_space":"ganzer Bereich","users.until":"bis {time}","users.delete_question":"{name} entfernen? Zugriff und Sitzungen enden.","users.revoke_question":"{name} den Zugriff auf {what} entziehen?","users.password_set":"Neues Passwort für {name} gesetzt; die Sitzungen wurden beendet.","users.reset_password":"Passwort setzen","users.new_password":"Neues Passwort","users.no_expiry":"läuft nicht ab","settings.title":"Einstellungen","settings.language":"Sprache","settings.companion":"Dieses Telefon als Begleiter nutzen (Standort und Akku)","settings.companion_hint":"Meldungen gehen nur an deinen Hub, solange die App offen ist.","settings.push":"Push-Benachrichtigungen","settings.push_on":"Push einschalten","settings.push_done":"Push-Benachrichtigungen sind für diesen Browser an.","settings.push_unavailable":"Push ist nicht verfügbar (dem Hub oder diesem Browser fehlt es).","settings.signed_in_as":"Angemeldet als {name} ({role})","settings.security_notices":"Mir sagen, wenn ein Kind oder Gast eine Tür entriegelt oder die Garage öffnet","users.counts_for_presence":"Sein Telefon zählt dazu, wer zu Hause ist","more.title":"Mehr","error.offline":"Der Hub ist nicht erreichbar. Prüfe die Verbindung und versuche es erneut.","error.generic":"Etwas ist schiefgegangen ({status}).","device.unavailable":"Nicht verfügbar","device.stale":"(zuletzt bekannt)","device.last_command":"Zuletzt bedient: {who}, {time}","device.favourite":"Favorit","kind.more":"Weitere Einstellungen","kind.room_now":"Raum jetzt: {reading}","kind.climate_off":"Aus: Der Zielwert gilt beim Einschalten.","kind.warm":"Warm","kind.cool":"Kalt","kind.fully_open":"Ganz offen","kind.moving":"Fährt auf {value} %","kind.motor":"Öffnen, Stopp oder Schließen","kind.open":"Öffnen","kind.stop":"Stopp","kind.close":"Schließen","kind.temperature":"Temperatur","kind.humidity":"Luftfeuchte","kind.air_good":"gut","kind.air_moderate":"mäßig","kind.air_poor":"schlecht","kind.door":"Tür oder Fenster","kind.motion":"Bewegung","kind.last_motion":"Letzte Bewegung {ago}","kind.no_motion_day":"Keine Bewegung in 24 h","kind.light_level":"Helligkeit","kind.battery":"Akku","kind.cleaned":"Gereinigt","kind.start":"Start","kind.pause":"Pause","kind.dock":"Zur Station","kind.not_charging":"Lädt nicht","kind.plug":"Stecker","kind.plugged":"Eingesteckt","kind.unplugged":"Nicht eingesteckt","kind.power":"Leistung","kind.session":"Dieser Ladevorgang","kind.air_now":"Luft: {band}","kind.purifier_off":"Aus: Eingeschaltet reinigt er die Luft wieder.","kind.filter_life":"Filter-Restlebensdauer","kind.filter_used":"Filter benutzt","kind.filter_replace":"Filter bald wechseln: Er ist fast verbraucht.","glance.title":"Auf einen Blick","glance.people":"Zu Hause","glance.nobody":"Niemand","glance.inside":"Innen","glance.doors":"Türen und Schlösser","glance.all_locked":"Alles verriegelt","glance.unlocked_named":"{names} entriegelt","glance.open_count":"{count} offen","glance.doors_closed":"Türen zu","glance.secure":"Verriegelt und zu","glance.energy":"Energie heute","glance.eta":"{place} in {minutes} Min.","glance.charging":"Lädt","glance.locked":"Verriegelt","glance.unlocked":"Entriegelt","glance.open":"Offen","glance.closed":"Zu","glance.motion":"Bewegung jetzt","glance.no_motion":"Keine Bewegung","glance.on":"An","glance.off":"Aus","glance.position":"{value} % offen","glance.pm25":"PM2,5 {value} ({band})","glance.battery":"Akku {value} %","scenes.title":"Szenen","scenes.done":"{name}: erledigt","scenes.partial":"{name}: {count} nicht gesetzt ({reason})","spaces.favourites":"Favoriten","spaces.on_count":"{count} an","spaces.all_off":"Alles aus"},spec:{on:"Schalter",brightness:"Helligkeit","color-temperature":"Farbtemperatur",mode:"Modus","target-temperature":"Zieltemperatur","fan-level":"Lüfterstufe",temperature:"Temperatur","outside-temperature":"Außentemperatur","relative-humidity":"Relative Luftfeuchte","electric-power":"Leistung","power-consumption":"Verbrauch",voltage:"Spannung","electric-current":"Strom","battery-level":"Akkustand",charging:"Lädt","charging-state":"Ladezustand","charge-limit":"Ladegrenze",range:"Reichweite",speed:"Geschwindigkeit",odometer:"Kilometerstand",latitude:"Breitengrad",longitude:"Längengrad",heading:"Richtung",locked:"Verriegelt","door-state":"Türzustand","operation-method":"Öffnungsart","motor-control":"Motorsteuerung","current-position":"Aktuelle Position","target-position":"Zielposition",status:"Status","cleaned-area":"Gereinigte Fläche","max-current":"Maximaler Strom",plugged:"Eingesteckt",toggle:"Umschalten","start-sweep":"Reinigung starten","stop-sweeping":"Reinigung stoppen","return-to-dock":"Zur Station","start-charge":"Laden starten","stop-charge":"Laden stoppen",Auto:"Automatisch",Cool:"Kühlen",Dry:"Entfeuchten",Heat:"Heizen",Fan:"Lüften",Low:"Niedrig",Medium:"Mittel",High:"Hoch",Pause:"Pause",Open:"Öffnen",Close:"Schließen",Closed:"Geschlossen",Idle:"Bereit",Charging:"Lädt",Finished:"Fertig",Complete:"Voll",Fault:"Störung",Disconnected:"Nicht verbunden",Plugged:"Eingesteckt",Sweeping:"Reinigt",Paused:"Pausiert",Error:"Fehler",Returning:"Kehrt zurück",Key:"Schlüssel",App:"App",Fingerprint:"Fingerabdruck",Password:"Passwort","reset-filter-life":"Filterlaufzeit zurücksetzen","self-test":"Selbsttest",accuracy:"Genauigkeit","at-home":"Zu Hause",channel:"Kanal","contact-state":"Kontakt geschlossen","filter-life-level":"Filterrestlaufzeit",illumination:"Helligkeit der Umgebung","motion-state":"Bewegung",mute:"Stumm","pm2.5-density":"PM2,5-Konzentration","smoke-concentration":"Rauchkonzentration","smoke-detected":"Rauch erkannt",ssid:"Verbundenes WLAN",volume:"Lautstärke",Eco:"Eco",Favorite:"Favorit","Frost Protection":"Frostschutz",Manual:"Manuell","No Faults":"Keine Störungen","Sensor Fault":"Sensorstörung",Sleep:"Schlafen","filter-used-time":"Filter-Nutzungsdauer","filter-left-time":"Filter-Restzeit",Level1:"Stufe 1",Level2:"Stufe 2",Level3:"Stufe 3"}},Vn=Object.freeze(Object.defineProperty({__proto__:null,locale:Zn},Symbol.toStringTag,{value:"Module"})),Yi={"app.name":"OrbitHub","app.offline":"Offline: showing the saved app; changes need the hub.","app.live":"Live","app.reconnecting":"Reconnecting…","app.loading":"Loading…","app.retry":"Retry","app.close":"Close","app.save":"Save","app.cancel":"Cancel","app.none":"Nothing here yet.","app.unavailable":"Not available on this hub.","nav.home":"Home","nav.energy":"Energy","nav.activity":"Activity","nav.alerts":"Inbox","nav.more":"More","login.title":"Sign in to OrbitHub","login.username":"User name","login.password":"Password","login.submit":"Sign in","login.failed":"Sign-in failed: {message}","onboarding.title":"Welcome! Create the owner account","onboarding.intro":"This hub has no users yet. The first account owns the hub.","onboarding.display_name":"Your name","onboarding.submit":"Create owner",logout:"Sign out","spaces.rooms_all":"All rooms","spaces.no_room":"Whole space","spaces.empty":"No devices you may see here.","spaces.kind.home":"Home","spaces.kind.office":"Office","spaces.kind.vehicle":"Car","device.online":"Online","device.offline":"Offline","device.read_only":"View only","device.details":"Details","device.confirmed":"{name}: done","device.not_confirmed":"{name}: sent, the device has not confirmed yet","device.not_found":"This device does not exist or you may not see it.","device.history":"History","device.no_history":"No history recorded for this range.","device.back":"Back","device.decrease":"Decrease","device.increase":"Increase","confirm.unlock":"Unlock {name}?","confirm.open":"Open {name}?","confirm.disarm":"Disarm {name}?","confirm.unlock_button":"Unlock","confirm.open_button":"Open","confirm.disarm_button":"Disarm","range.hour":"1 h","range.day":"24 h","range.week":"7 days","range.month":"30 days","energy.title":"Energy","energy.day":"Day","energy.month":"Month","energy.week":"Week","energy.earlier":"Earlier","energy.later":"Later","energy.per_day":"Per day","energy.by_device":"By device","energy.by_room":"By room","energy.total":"Total {value} {unit}","energy.span":"Period","energy.today":"Back to today","energy.per_hour":"Per hour","energy.top":"Top consumers","energy.nothing_used":"No metered device used energy in this period.","energy.priced_at":"Priced at the home’s tariff: {tariff}","energy.no_tariff_title":"No electricity tariff","energy.no_tariff":"This home has no electricity tariff yet, so the app shows energy but no cost.","energy.no_tariff_ask":"An owner or adult of the home can set one here.","energy.price_per_kwh":"Price per kWh (one price all day)","energy.currency":"Currency (three letters, e.g. CNY, EUR)","energy.set_tariff":"Set tariff","energy.flat_tariff":"One price all day","car.title":"Car","car.battery":"Battery","car.range":"Range","car.charging":"Charging","car.limit":"Charge limit","car.climate":"Charging, cabin climate and doors","car.location":"Location","car.plan":"Charging plan","car.eta":"Arrival","car.home":"Home","car.office":"Office","car.distance":"{km} km from home","car.eta_line":"{place}: {time} (in {minutes} min)","car.settings":"Charging settings","car.target":"Target by departure (%)","car.departure":"Departure","car.settings_hint":"The plan charges to the target by departure, in the cheapest hours of the tariff; the limit is the most the car ever charges to (kinder to the battery).","car.precondition":"Warm up the cabin now","car.preconditioning":"The cabin is being brought to {temperature} °C.","car.saved":"Saved: the car plans again.","car.target_over_limit":"The target ({target}%) is above the limit ({limit}%): raise the limit or lower the target.","car.plan_line":"{target}% by {time} · {cost}","activity.title":"Activity","activity.events":"Events","activity.audit":"Audit log","activity.online":"{device} is online","activity.offline":"{device} went offline","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"on","activity.off":"off","activity.zone_enter":"{device} entered {space}","activity.zone_leave":"{device} left {space}","activity.arrived":"{person} arrived at {space}","activity.left":"{person} left {space}","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Someone","assistant.placeholder":"Ask or command, e.g. “turn on the kitchen light”","assistant.send":"Send","assistant.all":"All of them","assistant.cancel":"Cancel","assistant.choices":"Choose one","notifications.title":"Notifications","notifications.mark_read":"Mark read","automations.title":"Automations","automations.last_run":"Last run {time}: {outcome}","automations.never":"Never run","automations.why":"Why?","automations.run":"Run now","automations.started":"Started.","automations.not_started":"Not started: {reason}","automations.why_none":"No recent check of its triggers held it back.","automations.enabled":"On","automations.disabled":"Off","automations.status_running":"running","automations.status_queued":"waiting","automations.status_done":"done","automations.status_failed":"failed","automations.status_cancelled":"cancelled","automations.status_timed_out":"timed out","automations.status_interrupted":"interrupted by a stop","automations.status_refused":"refused","insights.suggestions":"Suggestions","insights.alerts":"Alerts","insights.accept":"Accept","insights.reject":"Reject","insights.dismiss":"Dismiss","editor.new":"New automation","editor.new_title":"New automation","editor.edit_title":"Edit {name}","editor.edit":"Edit","editor.delete":"Delete","editor.delete_confirm":"Delete the automation “{name}”? This cannot be undone.","editor.how":"Edit with","editor.form":"Form","editor.yaml_only":"This automation does more than the form shows; edit it as YAML. The hub checks every line when you save.","editor.yaml_label":"The automation in YAML","editor.line":"Line {line}","editor.yaml_indentation":"The indentation here does not match the lines above; line it up with the field it belongs to.","editor.yaml_unclosed":"A quote or bracket opened here or above is not closed.","editor.yaml_tab":"A tab character: indent with spaces.","editor.name":"Name","editor.when":"When","editor.only_if":"Only if","editor.then":"Then","editor.trigger_kind":"What starts it","editor.kind_state":"A device’s state","editor.kind_time":"A time of day","editor.kind_sun":"Sunrise or sunset","editor.kind_window":"Between two times","editor.kind_days":"On these days","editor.becomes":"Becomes","editor.at":"At","editor.sun_event":"Sun","editor.sunrise":"Sunrise","editor.sunset":"Sunset","editor.offset_minutes":"Minutes before (−) or after","editor.condition_kind":"Condition","editor.always":"Always","editor.is":"Is","editor.after":"After","editor.before":"Before","editor.device":"Device","editor.property":"Property","editor.to_value":"Set to","editor.add_action":"Add a device to set","editor.remove_action":"Remove","insights.review":"Review the automation","insights.review_accept":"Review and accept","insights.accepted":"Saved as your automation: {name}.","xiaomi.title":"Xiaomi devices","xiaomi.added_devices":"Added devices","xiaomi.none":"No Xiaomi device added yet.","xiaomi.find":"Find devices on the network","xiaomi.look":"Look for devices","xiaomi.looking":"Looking…","xiaomi.nothing_found":"No Xiaomi device answered. A device on another network can be added by its address.","xiaomi.model_unknown":"model known once added","xiaomi.already_added":"added","xiaomi.use":"Use this address","xiaomi.token_revealed":"This device gives its token on the network: leave the token empty and the hub takes it.","xiaomi.where_tokens":"Where do tokens come from?","xiaomi.add":"Add a device","xiaomi.adding":"Asking the device…","xiaomi.host":"Address","xiaomi.token":"Token (32 hexadecimal digits)","xiaomi.token_hint":"The token is kept on the hub only and never shown again.","xiaomi.name":"Name (optional)","xiaomi.room":"Room","xiaomi.added":"{name} added ({model}).","xiaomi.added_waiting":"{name} added; it waits for its spec: {problem}","xiaomi.removed":"{name} removed; its token is forgotten.","xiaomi.remove":"Remove","xiaomi.remove_question":"Remove {name} and forget its token?","xiaomi.answering":"Answering","xiaomi.silent":"Not answering","xiaomi.starting":"Connecting…","xiaomi.waiting_spec":"Waiting for its spec","users.title":"Users and access","users.create":"Add user","users.role":"Role","users.display_name":"Display name","users.role.owner":"Owner","users.role.adult":"Adult","users.role.child":"Child","users.role.guest":"Guest","users.grants":"Access","users.grant":"Grant access","users.revoke":"Revoke","users.delete":"Remove user","users.space":"Space","users.rooms":"Rooms (none ticked: the whole space)","users.devices":"Devices (optional)","users.expires":"Expires (optional)","users.whole_space":"whole space","users.until":"until {time}","users.delete_question":"Remove {name}? Their access and sessions end.","users.revoke_question":"Revoke access to {what} for {name}?","users.password_set":"New password set for {name}; their sessions were ended.","users.reset_password":"Set password","users.new_password":"New password","users.no_expiry":"no expiry","settings.title":"Settings","settings.language":"Language","settings.companion":"Use this phone as a companion (location and battery)","settings.companion_hint":"Reports go to your hub only, while the app is open.","settings.push":"Push notifications","settings.push_on":"Enable push","settings.push_done":"Push notifications are on for this browser.","settings.push_unavailable":"Push is not available (the hub or this browser lacks it).","settings.signed_in_as":"Signed in as {name} ({role})","settings.security_notices":"Tell me when a child or guest unlocks a door or opens the garage","users.counts_for_presence":"Their phone counts toward who is home","more.title":"More","error.offline":"The hub cannot be reached. Check the connection and try again.","error.generic":"Something went wrong ({status}).","device.unavailable":"Unavailable","device.stale":"(last known)","device.last_command":"Last command: {who}, {time}","device.favourite":"Favourite","kind.more":"More settings","kind.room_now":"Room now: {reading}","kind.climate_off":"Off: the target applies when it is switched on.","kind.warm":"Warm","kind.cool":"Cool","kind.fully_open":"Fully open","kind.moving":"Moving to {value}%","kind.motor":"Open, stop or close","kind.open":"Open","kind.stop":"Stop","kind.close":"Close","kind.temperature":"Temperature","kind.humidity":"Humidity","kind.air_good":"good","kind.air_moderate":"moderate","kind.air_poor":"poor","kind.door":"Door or window","kind.motion":"Motion","kind.last_motion":"Last motion {ago}","kind.no_motion_day":"No motion in 24 h","kind.light_level":"Light level","kind.battery":"Battery","kind.cleaned":"Cleaned","kind.start":"Start","kind.pause":"Pause","kind.dock":"Back to dock","kind.not_charging":"Not charging","kind.plug":"Plug","kind.plugged":"Plugged in","kind.unplugged":"Not plugged in","kind.power":"Power","kind.session":"This session","kind.air_now":"Air: {band}","kind.purifier_off":"Off: it cleans the air again when switched on.","kind.filter_life":"Filter life left","kind.filter_used":"Filter used","kind.filter_replace":"Replace the filter soon: little of its life is left.","glance.title":"At a glance","glance.people":"At home","glance.nobody":"Nobody","glance.inside":"Inside","glance.doors":"Doors and locks","glance.all_locked":"All locked","glance.unlocked_named":"{names} unlocked","glance.open_count":"{count} open","glance.doors_closed":"Doors closed","glance.secure":"Locked and closed","glance.energy":"Energy today","glance.eta":"{place} in {minutes} min","glance.charging":"Charging","glance.locked":"Locked","glance.unlocked":"Unlocked","glance.open":"Open","glance.closed":"Closed","glance.motion":"Motion now","glance.no_motion":"No motion","glance.on":"On","glance.off":"Off","glance.position":"{value}% open","glance.pm25":"PM2.5 {value} ({band})","glance.battery":"Battery {value}%","scenes.title":"Scenes","scenes.done":"{name}: done","scenes.partial":"{name}: {count} not set ({reason})","spaces.favourites":"Favourites","spaces.on_count":"{count} on","spaces.all_off":"All off"},Gn={code:"en",label:"English",server:"en",messages:Yi,spec:{}},Kn=Object.freeze(Object.defineProperty({__proto__:null,locale:Gn,messages:Yi},Symbol.toStringTag,{value:"Module"})),Yn=Object.freeze(Object.defineProperty({__proto__:null},Symbol.toStringTag,{value:"Module"})),Jn={code:"zh-CN",label:"简体中文",server:"zh",messages:{"app.name":"OrbitHub","app.offline":"离线：正在显示已保存的应用；操作需要连接到中枢。","app.live":"实时","app.reconnecting":"正在重新连接…","app.loading":"加载中…","app.retry":"重试","app.close":"关闭","app.save":"保存","app.cancel":"取消","app.none":"这里还没有内容。","app.unavailable":"此中枢不提供该功能。","nav.home":"家居","nav.energy":"能耗","nav.activity":"动态","nav.alerts":"消息","nav.more":"更多","login.title":"登录 OrbitHub","login.username":"用户名","login.password":"密码","login.submit":"登录","login.failed":"登录失败：{message}","onboarding.title":"欢迎！请创建所有者账户","onboarding.intro":"此中枢还没有用户。第一个账户将成为所有者。","onboarding.display_name":"你的名字","onboarding.submit":"创建所有者",logout:"退出登录","spaces.rooms_all":"全部房间","spaces.no_room":"整个空间","spaces.empty":"这里没有你可以查看的设备。","spaces.kind.home":"家","spaces.kind.office":"办公室","spaces.kind.vehicle":"汽车","device.online":"在线","device.offline":"离线","device.read_only":"仅可查看","device.details":"详情","device.confirmed":"{name}：已完成","device.not_confirmed":"{name}：已发送，设备尚未确认","device.not_found":"该设备不存在，或你无权查看。","device.history":"历史记录","device.no_history":"该时间段没有历史记录。","device.back":"返回","device.decrease":"减少","device.increase":"增加","confirm.unlock":"要解锁{name}吗？","confirm.open":"要打开{name}吗？","confirm.disarm":"要撤防{name}吗？","confirm.unlock_button":"解锁","confirm.open_button":"打开","confirm.disarm_button":"撤防","range.hour":"1 小时","range.day":"24 小时","range.week":"7 天","range.month":"30 天","energy.title":"能耗","energy.day":"按日","energy.month":"按月","energy.week":"周","energy.earlier":"更早","energy.later":"更晚","energy.per_day":"每日","energy.by_device":"按设备","energy.by_room":"按房间","energy.total":"合计 {value} {unit}","energy.span":"时段","energy.today":"回到今天","energy.per_hour":"每小时","energy.top":"用电最多","energy.nothing_used":"此时段内没有计量设备用电。","energy.priced_at":"按本家电价计算：{tariff}","energy.no_tariff_title":"未设置电价","energy.no_tariff":"此家庭尚未设置电价，因此只显示用电量，不显示电费。","energy.no_tariff_ask":"家庭的所有者或成人可在此设置电价。","energy.price_per_kwh":"每千瓦时电价（全天同价）","energy.currency":"货币（三个字母，如 CNY、EUR）","energy.set_tariff":"设置电价","energy.flat_tariff":"全天同价","car.title":"汽车","car.battery":"电量","car.range":"续航","car.charging":"充电","car.limit":"充电上限","car.climate":"充电、车内空调与车门","car.location":"位置","car.plan":"充电计划","car.eta":"预计到达","car.home":"家","car.office":"办公室","car.distance":"距家 {km} 公里","car.eta_line":"{place}：{time}（{minutes} 分钟后）","car.settings":"充电设置","car.target":"出发前充到（%）","car.departure":"出发时间","car.settings_hint":"计划在出发前、按电价最便宜的时段充到目标电量；上限是车最多充到的电量（更保护电池）。","car.precondition":"现在预热车厢","car.preconditioning":"车厢正在调到 {temperature} °C。","car.saved":"已保存：车辆已重新规划充电。","car.target_over_limit":"目标（{target}%）高于上限（{limit}%）：请提高上限或降低目标。","car.plan_line":"{time} 前充到 {target}% · {cost}","activity.title":"动态","activity.events":"事件","activity.audit":"审计日志","activity.online":"{device} 已上线","activity.offline":"{device} 已离线","activity.command":"{actor}：{device} · {property} → {value}","activity.command_call":"{actor}：{device} · {property}","activity.on":"开","activity.off":"关","activity.zone_enter":"{device} 进入了 {space}","activity.zone_leave":"{device} 离开了 {space}","activity.arrived":"{person} 到达 {space}","activity.left":"{person} 离开 {space}","activity.automation":"自动化 {id}：{outcome}","activity.event":"{device}：{event}","activity.someone":"有人","assistant.placeholder":"提问或下达指令，例如“打开厨房灯”","assistant.send":"发送","assistant.all":"全部","assistant.cancel":"取消","assistant.choices":"选择一个","notifications.title":"通知","notifications.mark_read":"标为已读","automations.title":"自动化","automations.last_run":"上次运行 {time}：{outcome}","automations.never":"从未运行","automations.why":"为什么？","automations.run":"立即运行","automations.started":"已开始运行。","automations.not_started":"未运行：{reason}","automations.why_none":"最近没有被拦下的触发检查。","automations.enabled":"已启用","automations.disabled":"已停用","automations.status_running":"运行中","automations.status_queued":"排队中","automations.status_done":"完成","automations.status_failed":"失败","automations.status_cancelled":"已取消","automations.status_timed_out":"超时","automations.status_interrupted":"因停止而中断","automations.status_refused":"已拒绝","insights.suggestions":"建议","insights.alerts":"警报","insights.accept":"采纳","insights.reject":"拒绝","insights.dismiss":"忽略","editor.new":"新建自动化","editor.new_title":"新建自动化","editor.edit_title":"编辑 {name}","editor.edit":"编辑","editor.delete":"删除","editor.delete_confirm":"删除自动化“{name}”？删除后无法恢复。","editor.how":"编辑方式","editor.form":"表单","editor.yaml_only":"此自动化的内容超出表单范围，请用 YAML 编辑；保存时中枢会逐行检查。","editor.yaml_label":"YAML 格式的自动化","editor.line":"第 {line} 行","editor.yaml_indentation":"此处的缩进与上面的行不一致；请与所属字段对齐。","editor.yaml_unclosed":"此处或上方有未闭合的引号或括号。","editor.yaml_tab":"含有制表符：请用空格缩进。","editor.name":"名称","editor.when":"当","editor.only_if":"仅当","editor.then":"就","editor.trigger_kind":"触发方式","editor.kind_state":"设备状态","editor.kind_time":"每天某个时间","editor.kind_sun":"日出或日落","editor.kind_window":"两个时间之间","editor.kind_days":"在这些日子","editor.becomes":"变为","editor.at":"时间","editor.sun_event":"太阳","editor.sunrise":"日出","editor.sunset":"日落","editor.offset_minutes":"提前（−）或推后的分钟数","editor.condition_kind":"条件","editor.always":"始终","editor.is":"为","editor.after":"晚于","editor.before":"早于","editor.device":"设备","editor.property":"属性","editor.to_value":"设为","editor.add_action":"再设置一个设备","editor.remove_action":"移除","insights.review":"查看自动化","insights.review_accept":"查看并接受","insights.accepted":"已保存为您的自动化：{name}。","xiaomi.title":"小米设备","xiaomi.added_devices":"已添加的设备","xiaomi.none":"还没有添加小米设备。","xiaomi.find":"在网络中查找设备","xiaomi.look":"查找设备","xiaomi.looking":"正在查找…","xiaomi.nothing_found":"没有小米设备应答。其他网段的设备可以按地址添加。","xiaomi.model_unknown":"添加后可知型号","xiaomi.already_added":"已添加","xiaomi.use":"使用此地址","xiaomi.token_revealed":"此设备会在网络上给出令牌：令牌留空，网关会自动获取。","xiaomi.where_tokens":"令牌从哪里来？","xiaomi.add":"添加设备","xiaomi.adding":"正在询问设备…","xiaomi.host":"地址","xiaomi.token":"令牌（32 位十六进制数字）","xiaomi.token_hint":"令牌只保存在网关上，不会再次显示。","xiaomi.name":"名称（可选）","xiaomi.room":"房间","xiaomi.added":"已添加 {name}（{model}）。","xiaomi.added_waiting":"已添加 {name}，正在等待其规格：{problem}","xiaomi.removed":"已移除 {name}，并忘记其令牌。","xiaomi.remove":"移除","xiaomi.remove_question":"移除 {name} 并忘记其令牌？","xiaomi.answering":"正常应答","xiaomi.silent":"无应答","xiaomi.starting":"正在连接…","xiaomi.waiting_spec":"等待规格","users.title":"用户与权限","users.create":"添加用户","users.role":"角色","users.display_name":"显示名称","users.role.owner":"所有者","users.role.adult":"成人","users.role.child":"儿童","users.role.guest":"访客","users.grants":"访问权限","users.grant":"授予权限","users.revoke":"撤销","users.delete":"删除用户","users.space":"空间","users.rooms":"房间（不勾选即整个空间）","users.devices":"设备（可选）","users.expires":"到期时间（可选）","users.whole_space":"整个空间","users.until":"至 {time}","users.delete_question":"要移除{name}吗？其权限和登录将全部结束。","users.revoke_question":"要撤销{name}对「{what}」的权限吗？","users.password_set":"已为{name}设置新密码，其登录已全部结束。","users.reset_password":"设置密码","users.new_password":"新密码","users.no_expiry":"不过期","settings.title":"设置","settings.language":"语言","settings.companion":"将此手机用作伴侣设备（位置和电量）","settings.companion_hint":"仅在应用打开时上报，且只发送到你的中枢。","settings.push":"推送通知","settings.push_on":"开启推送","settings.push_done":"此浏览器已开启推送通知。","settings.push_unavailable":"推送不可用（中枢或此浏览器不支持）。","settings.signed_in_as":"当前用户：{name}（{role}）","settings.security_notices":"孩子或访客开锁、打开车库门时通知我","users.counts_for_presence":"其手机计入在家人员","more.title":"更多","error.offline":"无法连接到中枢。请检查网络后重试。","error.generic":"出错了（{status}）。","device.unavailable":"不可用","device.stale":"（最后已知）","device.last_command":"最近一次操作：{who}，{time}","device.favourite":"收藏","kind.more":"更多设置","kind.room_now":"室内现在：{reading}","kind.climate_off":"已关闭：开机后按此目标温度运行。","kind.warm":"暖光","kind.cool":"冷光","kind.fully_open":"全开","kind.moving":"正在移动到 {value}%","kind.motor":"打开、停止或关闭","kind.open":"打开","kind.stop":"停止","kind.close":"关闭","kind.temperature":"温度","kind.humidity":"湿度","kind.air_good":"优良","kind.air_moderate":"轻度污染","kind.air_poor":"污染","kind.door":"门窗","kind.motion":"人体移动","kind.last_motion":"上次有人 {ago}","kind.no_motion_day":"24 小时内无人","kind.light_level":"光照","kind.battery":"电量","kind.cleaned":"已清扫","kind.start":"开始","kind.pause":"暂停","kind.dock":"回充","kind.not_charging":"未在充电","kind.plug":"充电枪","kind.plugged":"已插枪","kind.unplugged":"未插枪","kind.power":"功率","kind.session":"本次充电","kind.air_now":"空气：{band}","kind.purifier_off":"已关闭：打开后继续净化空气。","kind.filter_life":"滤芯剩余寿命","kind.filter_used":"滤芯已用","kind.filter_replace":"请尽快更换滤芯：剩余寿命不多了。","glance.title":"概览","glance.people":"在家","glance.nobody":"没有人","glance.inside":"室内","glance.doors":"门和门锁","glance.all_locked":"全部已锁","glance.unlocked_named":"{names}未锁","glance.open_count":"{count} 个开着","glance.doors_closed":"门已关","glance.secure":"已锁好，门已关","glance.energy":"今日用电","glance.eta":"{minutes} 分钟后到{place}","glance.charging":"充电中","glance.locked":"已上锁","glance.unlocked":"未上锁","glance.open":"开着","glance.closed":"关着","glance.motion":"有人移动","glance.no_motion":"无人移动","glance.on":"开","glance.off":"关","glance.position":"开 {value}%","glance.pm25":"PM2.5 {value}（{band}）","glance.battery":"电量 {value}%","scenes.title":"场景","scenes.done":"{name}：完成","scenes.partial":"{name}：{count} 项未设置（{reason}）","spaces.favourites":"收藏","spaces.on_count":"{count} 个开着","spaces.all_off":"全部关闭"},spec:{on:"开关",brightness:"亮度","color-temperature":"色温",mode:"模式","target-temperature":"目标温度","fan-level":"风速",temperature:"温度","outside-temperature":"车外温度","relative-humidity":"相对湿度","electric-power":"功率","power-consumption":"用电量",voltage:"电压","electric-current":"电流","battery-level":"电量",charging:"充电中","charging-state":"充电状态","charge-limit":"充电上限",range:"续航",speed:"速度",odometer:"里程",latitude:"纬度",longitude:"经度",heading:"方向",locked:"已上锁","door-state":"门状态","operation-method":"开锁方式","motor-control":"电机控制","current-position":"当前位置","target-position":"目标位置",status:"状态","cleaned-area":"清扫面积","max-current":"最大电流",plugged:"已插枪",toggle:"切换","start-sweep":"开始清扫","stop-sweeping":"停止清扫","return-to-dock":"回充","start-charge":"开始充电","stop-charge":"停止充电",Auto:"自动",Cool:"制冷",Dry:"除湿",Heat:"制热",Fan:"送风",Low:"低",Medium:"中",High:"高",Pause:"暂停",Open:"打开",Close:"关闭",Closed:"已关闭",Idle:"空闲",Charging:"充电中",Finished:"已完成",Complete:"已充满",Fault:"故障",Disconnected:"未连接",Plugged:"已插枪",Sweeping:"清扫中",Paused:"已暂停",Error:"错误",Returning:"返回中",Key:"钥匙",App:"应用",Fingerprint:"指纹",Password:"密码","reset-filter-life":"重置滤芯寿命","self-test":"自检",accuracy:"定位精度","at-home":"在家",channel:"频道","contact-state":"门窗关闭","filter-life-level":"滤芯剩余寿命",illumination:"光照度","motion-state":"有人移动",mute:"静音","pm2.5-density":"PM2.5 浓度","smoke-concentration":"烟雾浓度","smoke-detected":"检测到烟雾",ssid:"已连接的 Wi-Fi",volume:"音量",Eco:"节能",Favorite:"最爱","Frost Protection":"防冻",Manual:"手动","No Faults":"无故障","Sensor Fault":"传感器故障",Sleep:"睡眠","filter-used-time":"滤芯已使用时间","filter-left-time":"滤芯剩余时间",Level1:"一档",Level2:"二档",Level3:"三档"}},Xn=Object.freeze(Object.defineProperty({__proto__:null,locale:Jn},Symbol.toStringTag,{value:"Module"})),Qn=Object.assign({"./locales/de.ts":Vn,"./locales/en.ts":Kn,"./locales/locale.ts":Yn,"./locales/zh-CN.ts":Xn}),be=Object.values(Qn).map(e=>e.locale).filter(e=>e!==void 0).sort((e,t)=>e.code==="en"?-1:t.code==="en"?1:e.code.localeCompare(t.code)),Ji=be.map(({code:e,label:t})=>({code:e,label:t})),Xi="orbithub.language",Mt=new EventTarget;function Nt(e){if(!e)return null;const t=e.toLowerCase(),i=be.find(s=>s.code.toLowerCase()===t);if(i)return i.code;const n=t.split("-")[0];return be.find(s=>s.code.toLowerCase().split("-")[0]===n)?.code??null}function es(){const e=Nt(localStorage.getItem(Xi));if(e)return e;for(const t of navigator.languages??[navigator.language]){const i=Nt(t);if(i)return i}return"en"}let X=es(),ze=be.find(e=>e.code===X)??be[0];document.documentElement.lang=X;function T(){return X}function Qi(){return ze.server}function en(e){const t=Nt(e);t&&(localStorage.setItem(Xi,t),t!==X&&(X=t,ze=be.find(i=>i.code===X)??be[0],document.documentElement.lang=t,Mt.dispatchEvent(new Event("change"))))}function ts(e){return Mt.addEventListener("change",e),()=>Mt.removeEventListener("change",e)}function r(e,t={}){return ze.messages[e].replace(/\{(\w+)\}/g,(n,s)=>String(t[s]??`{${s}}`))}function Re(e,t){return ze.spec[e]??ze.spec[t]??t}function x(e,t=[]){return ze.server!=="zh"?e:t.find(i=>/[\u4e00-\u9fff]/.test(i))??e}const is={celsius:"°C",percentage:"%",kelvin:"K",watt:"W",kWh:"kWh",volt:"V",ampere:"A",km:"km","km/h":"km/h",meters:"m",m2:"m²",degree:"°"};function Me(e){return!e||e==="none"?"":is[e]??e}function oe(e,t){const i={month:"short",day:"numeric",hour:"2-digit",minute:"2-digit"};try{return new Date(e*1e3).toLocaleString(X,{...i,timeZone:t})}catch{return new Date(e*1e3).toLocaleString(X,i)}}function v(e,t=1){return e.toLocaleString(X,{maximumFractionDigits:t})}const Lt="orbithub.tokens";class Q extends Error{constructor(t,i,n,s=null){super(n),this.status=t,this.code=i,this.detail=s}get missing(){return this.status===404||this.status===503}}class Ut{constructor(t){this.text=t}}class ns extends EventTarget{constructor(){super(),this.tokens=null,this.reachable=!0,this.refreshing=null;try{this.tokens=JSON.parse(localStorage.getItem(Lt)??"null")}catch{this.tokens=null}}get signedIn(){return this.tokens!==null}get accessToken(){return this.tokens?.access_token??null}keep(t){this.tokens={access_token:t.access_token,refresh_token:t.refresh_token},localStorage.setItem(Lt,JSON.stringify(this.tokens)),this.dispatchEvent(new Event("tokens"))}forget(){this.tokens=null,localStorage.removeItem(Lt),this.dispatchEvent(new Event("signedout"))}async login(t,i){const n=await this.request("POST","/api/auth/login",{username:t,password:i},!1);return this.keep(n),n.user}async logout(){const t=this.tokens?.refresh_token;t&&await this.request("POST","/api/auth/logout",{refresh_token:t},!1).catch(()=>null),this.forget()}refresh(){if(this.refreshing)return this.refreshing;const t=this.tokens?.refresh_token;return t?(this.refreshing=this.request("POST","/api/auth/refresh",{refresh_token:t},!1).then(i=>(this.keep(i),!0)).catch(i=>(i instanceof Q&&i.status!==0&&this.forget(),!1)).finally(()=>{this.refreshing=null}),this.refreshing):Promise.resolve(!1)}get(t){return this.request("GET",t)}async optional(t){try{return await this.get(t)}catch(i){if(i instanceof Q&&i.missing)return null;throw i}}async request(t,i,n,s=!0){let a=await this.send(t,i,n,s);if(a.status===401&&s&&await this.refresh()&&(a=await this.send(t,i,n,s)),a.status===401&&s&&this.forget(),!a.ok)throw await ss(a);if(a.status===204)return;const o=await a.text();return o?JSON.parse(o):void 0}async send(t,i,n,s){const a={Accept:"application/json","Accept-Language":T()};n!==void 0&&(a["Content-Type"]=n instanceof Ut?"application/yaml":"application/json"),s&&this.tokens&&(a.Authorization=`Bearer ${this.tokens.access_token}`);try{const o=await fetch(i,{method:t,headers:a,body:n===void 0?void 0:n instanceof Ut?n.text:JSON.stringify(n)});return this.setReachable(!0),o}catch{throw this.setReachable(!1),new Q(0,"offline",r("error.offline"))}}setReachable(t){t!==this.reachable&&(this.reachable=t,this.dispatchEvent(new Event("reachability")))}}async function ss(e){try{const t=await e.json(),i=t.message??(typeof t.detail=="string"?t.detail:null);return new Q(e.status,t.code??"error",i??r("error.generic",{status:e.status}),t.detail??null)}catch{return new Q(e.status,"error",r("error.generic",{status:e.status}))}}const m=new ns;function _(e){return e instanceof Error?e.message:String(e)}const ii="orbithub.cache.";function wt(e,t){try{localStorage.setItem(ii+e,JSON.stringify(t))}catch{}}function tt(e){try{return JSON.parse(localStorage.getItem(ii+e)??"null")}catch{return null}}function as(){for(const e of Object.keys(localStorage))e.startsWith(ii)&&localStorage.removeItem(e)}const tn="orbithub.companion",kt="orbithub.companion.phone",rs=6e4;let Ke=null,wi=0;function nn(){return localStorage.getItem(tn)==="on"}async function os(e){localStorage.setItem(tn,e?"on":"off"),e?await sn():ni()}async function sn(){if(!nn()||Ke!==null)return;const e=await cs(),t=await ki();if(!("geolocation"in navigator)){t&&await zt(e,{battery:t});return}Ke=navigator.geolocation.watchPosition(i=>{const n=Date.now();if(n-wi<rs)return;wi=n;const{latitude:s,longitude:a,accuracy:o,speed:d}=i.coords;ki().then(u=>zt(e,{location:{latitude:s,longitude:a,accuracy:o,speed:d},...u?{battery:u}:{}}))},()=>{t&&zt(e,{battery:t})},{enableHighAccuracy:!1,maximumAge:6e4})}function ls(){ni(),localStorage.removeItem(kt)}function ni(){Ke!==null&&navigator.geolocation.clearWatch(Ke),Ke=null}async function cs(){const e=JSON.parse(localStorage.getItem(kt)??"null");if(e)return e;const t=navigator.userAgent.includes("Mobile")?"Phone (web app)":"Browser (web app)",i=await m.request("POST","/api/companion/register",{name:t});return localStorage.setItem(kt,JSON.stringify(i)),i}async function ki(){const e=navigator;if(!e.getBattery)return null;try{const t=await e.getBattery();return{level:Math.round(t.level*100),charging:t.charging}}catch{return null}}async function zt(e,t){(await fetch("/api/companion/report",{method:"POST",headers:{"Content-Type":"application/json",Authorization:`Bearer ${e.token}`},body:JSON.stringify({...t,time:Date.now()/1e3})}).catch(()=>null))?.status===401&&(localStorage.removeItem(kt),ni())}const an="orbithub.favourites.",xt=new EventTarget;let it="";function xi(e){it=e,xt.dispatchEvent(new Event("change"))}function si(){if(!it)return[];try{const e=JSON.parse(localStorage.getItem(an+it)??"[]");return Array.isArray(e)?e.filter(t=>typeof t=="string"):[]}catch{return[]}}function Si(e){return si().includes(e)}function ds(e,t){if(!it)return;const i=si().filter(n=>n!==e);t&&i.push(e);try{localStorage.setItem(an+it,JSON.stringify(i))}catch{}xt.dispatchEvent(new Event("change"))}function rn(e){return xt.addEventListener("change",e),()=>xt.removeEventListener("change",e)}class us extends EventTarget{constructor(){super(...arguments),this.devices=new Map,this.specs=new Map}get(t){return this.devices.get(t)}all(){return[...this.devices.values()]}put(t){for(const i of t){const n=this.devices.get(i.id);this.devices.set(i.id,{...i,spec:i.spec??n?.spec}),i.spec&&this.specs.set(i.id,Promise.resolve(i.spec))}this.changed()}setValue(t,i,n,s){const a=this.devices.get(t);if(!a)return;const o={...a.state,[i]:{...a.state[i],value:n,last_changed:s}};this.devices.set(t,{...a,state:o}),this.changed()}setOnline(t,i){const n=this.devices.get(t);n&&(this.devices.set(t,{...n,online:i}),this.changed())}spec(t){let i=this.specs.get(t);return i||(i=m.get(`/api/devices/${encodeURIComponent(t)}`).then(n=>(this.put([n]),n.spec??null)).catch(()=>(this.specs.delete(t),null)),this.specs.set(t,i)),i}clear(){this.devices.clear(),this.specs.clear(),this.changed()}changed(){this.dispatchEvent(new Event("change"))}}const y=new us,hs=500,ps=3e4,ms=new Set([1008,4001,4401,4403]);class gs extends EventTarget{constructor(){super(),this.status="offline",this.socket=null,this.subscription={},this.lastSeq=null,this.epoch=null,this.attempts=0,this.running=!1,m.addEventListener("tokens",()=>{const t=m.accessToken;t&&this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"auth",token:t}))})}start(){this.running||(this.running=!0,this.connect())}stop(){this.running=!1,window.clearTimeout(this.timer),this.socket?.close(1e3),this.socket=null,this.lastSeq=null,this.epoch=null,this.setStatus("offline")}follow(t){const i=JSON.stringify(t)===JSON.stringify(this.subscription);this.subscription=t,i||(this.lastSeq=null,this.sendSubscribe())}connect(){const t=m.accessToken;if(!this.running||!t)return;this.setStatus("connecting");const i=location.protocol==="https:"?"wss":"ws",n=new WebSocket(`${i}://${location.host}/api/ws`);this.socket=n,n.onopen=()=>{n.send(JSON.stringify({type:"auth",token:t})),this.sendSubscribe()},n.onmessage=s=>{let a;try{a=JSON.parse(String(s.data))}catch{return}this.attempts=0,this.setStatus("live"),this.handle(a)},n.onclose=s=>{this.socket===n&&(this.socket=null,this.setStatus("offline"),this.running&&(ms.has(s.code)?m.refresh().then(a=>a&&this.schedule()):this.schedule()))}}schedule(){const t=Math.min(ps,hs*2**this.attempts);this.attempts+=1,window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>this.connect(),t/2+Math.random()*(t/2))}sendSubscribe(){this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"subscribe",spaces:this.subscription.spaces??[],rooms:this.subscription.rooms??[],devices:this.subscription.devices??[],since_seq:this.lastSeq,epoch:this.lastSeq===null?null:this.epoch}))}handle(t){switch(typeof t.epoch=="string"&&t.epoch!==this.epoch&&(this.epoch=t.epoch,this.lastSeq=null),typeof t.seq=="number"&&(this.lastSeq=Math.max(this.lastSeq??0,t.seq)),t.type){case"snapshot":typeof t.seq=="number"&&(this.lastSeq=t.seq),y.put(t.devices);break;case"changed":{const i=t;y.setValue(i.device_id,i.path,i.value,i.time);break}case"online":{const i=t;y.setOnline(i.device_id,i.online);break}case"resync":this.lastSeq=null;break}this.dispatchEvent(new CustomEvent("message",{detail:t}))}setStatus(t){t!==this.status&&(this.status=t,this.dispatchEvent(new Event("status")))}}const D=new gs;class fs extends EventTarget{constructor(){super(),this.wasLive=!1,this.last=!1;const t=()=>this.check();window.addEventListener("online",t),window.addEventListener("offline",t),m.addEventListener("reachability",t),m.addEventListener("signedout",()=>{this.wasLive=!1,this.check()}),D.addEventListener("status",()=>{D.status==="live"&&(this.wasLive=!0,m.setReachable(!0)),this.check()})}get stale(){return!navigator.onLine||!m.reachable||this.wasLive&&D.status!=="live"}check(){const t=this.stale;t!==this.last&&(this.last=t,this.dispatchEvent(new Event("change")))}}const ge=new fs;class E extends Ge{constructor(){super(...arguments),this.watchesDevices=!1,this.stopLanguage=null,this.onStore=()=>this.requestUpdate()}connectedCallback(){super.connectedCallback(),this.stopLanguage=ts(()=>this.requestUpdate()),this.watchesDevices&&(y.addEventListener("change",this.onStore),ge.addEventListener("change",this.onStore))}disconnectedCallback(){super.disconnectedCallback(),this.stopLanguage?.(),y.removeEventListener("change",this.onStore),ge.removeEventListener("change",this.onStore)}}const S=P`
  :host {
    display: block;
    color: var(--fg);
    font: inherit;
  }
  * {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.5rem;
    line-height: 1.2;
  }
  h1 {
    font-size: 1.35rem;
  }
  h2 {
    font-size: 1.1rem;
  }
  h3 {
    font-size: 1rem;
  }
  .card {
    background: var(--card);
    border-radius: 14px;
    padding: 0.85rem 1rem;
    margin: 0 0 0.75rem;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .between {
    justify-content: space-between;
  }
  .muted {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .error {
    color: var(--danger);
    font-size: 0.9rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    border: 0;
    border-radius: 10px;
    padding: 0.55rem 0.9rem;
    background: var(--chip);
    cursor: pointer;
    min-height: 40px;
  }
  button.primary {
    background: var(--accent);
    color: #fff;
  }
  button:disabled,
  input:disabled,
  select:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  input[type='text'],
  input[type='password'],
  input[type='datetime-local'],
  select {
    width: 100%;
    padding: 0.6rem 0.7rem;
    border-radius: 10px;
    border: 1px solid var(--line);
    background: var(--bg);
    min-height: 44px;
  }
  label {
    display: block;
    margin: 0.5rem 0;
  }
  .chips {
    display: flex;
    gap: 0.4rem;
    overflow-x: auto;
    padding-bottom: 0.5rem;
    scrollbar-width: none;
  }
  .chips button {
    white-space: nowrap;
    border-radius: 999px;
  }
  .chips button[aria-pressed='true'] {
    background: var(--accent);
    color: #fff;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.plain li {
    padding: 0.55rem 0;
    border-bottom: 1px solid var(--line);
  }
`;var vs=Object.defineProperty,bs=Object.getOwnPropertyDescriptor,Tt=(e,t,i,n)=>{for(var s=n>1?void 0:n?bs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&vs(t,i,s),s};let Ne=class extends E{constructor(){super(...arguments),this.onboarding=null,this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),m.get("/api/onboarding").then(e=>this.onboarding=e.needed,e=>{this.onboarding=!1,this.error=_(e)})}render(){const e=this.onboarding===!0;return l`
      <section class="card">
        <h1>${r(e?"onboarding.title":"login.title")}</h1>
        ${e?l`<p>${r("onboarding.intro")}</p>`:c}
        <form @submit=${this.submit}>
          <label>${r("login.username")}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${e?l`<label>${r("onboarding.display_name")}<input type="text" name="display_name" autocomplete="name" /></label>`:c}
          <label>${r("login.password")}
            <input type="password" name="password" required autocomplete=${e?"new-password":"current-password"} /></label>
          <button class="primary" ?disabled=${this.busy||this.onboarding===null}>
            ${r(e?"onboarding.submit":"login.submit")}</button>
        </form>
        ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
        <label>${r("settings.language")}
          <select @change=${t=>en(t.target.value)}>
            ${Ji.map(t=>l`<option value=${t.code} ?selected=${t.code===T()}>${t.label}</option>`)}
          </select>
        </label>
      </section>
    `}async submit(e){e.preventDefault();const t=new FormData(e.target),i=String(t.get("username")??"").trim(),n=String(t.get("password")??"");this.busy=!0,this.error="";try{if(this.onboarding){const s=await m.request("POST","/api/onboarding",{username:i,password:n,display_name:String(t.get("display_name")||i),language:T()},!1);m.keep(s)}else await m.login(i,n);this.dispatchEvent(new CustomEvent("signedin",{bubbles:!0,composed:!0}))}catch(s){this.error=r("login.failed",{message:_(s)})}finally{this.busy=!1}}};Ne.styles=[S,P`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];Tt([p()],Ne.prototype,"onboarding",2);Tt([p()],Ne.prototype,"error",2);Tt([p()],Ne.prototype,"busy",2);Ne=Tt([w("orbit-login")],Ne);const ys=new Set(["int8","int16","int32","int64","uint8","uint16","uint32","uint64","float"]);function on(e){const t=[];for(const i of e.services)for(const n of i.properties){const s=$s(n);s&&t.push(s)}for(const i of e.services)for(const n of i.actions)n.in.length===0&&t.push({kind:"action",action:n});return t}function $s(e){const t=e.access.includes("write"),i=e.access.includes("read");if(t&&e.values&&e.values.length>0)return{kind:"choice",prop:e,options:e.values};if(t&&e.format==="bool")return{kind:"toggle",prop:e};if(t&&ys.has(e.format)&&e.range){const[n,s,a]=e.range;return{kind:"slider",prop:e,min:n,max:s,step:a>0?a:1}}return i?{kind:"readout",prop:e}:null}function _s(e){const t=on(e).filter(i=>i.kind==="toggle").map(i=>i.prop);return t.find(i=>i.name==="on")??t[0]??null}function J(e){return Re(e.name,e.description||jt(e.name))}function jt(e){const t=e.replace(/[-_]+/g," ").trim();return t.charAt(0).toUpperCase()+t.slice(1)}function L(e,t){if(t==null)return"–";if(e.values){const i=e.values.find(n=>n.value===t);if(i)return Re(i.description,Re(jt(i.description),jt(i.description)))}if(typeof t=="boolean")return t?"✓":"✗";if(typeof t=="number"){const i=e.range?.[2]??.1,n=i>=1?0:Math.min(6,Math.ceil(-Math.log10(i))),s=Me(e.unit);return`${v(t,n)}${s&&s!=="%"&&s!=="°C"&&s!=="°"?" ":""}${s}`}return String(t)}function Ye(e,t,i,n){const s=t+Math.round((e-t)/n)*n,a=Math.min(i,Math.max(t,s));return Number(a.toFixed(6))}const ws=["temperature-humidity-sensor.temperature","environment.temperature","thermostat.temperature"],ks=["temperature-humidity-sensor.relative-humidity","environment.relative-humidity","thermostat.relative-humidity"];function Ie(e,t){return e.state[t]?.value}function ln(e,t){for(const i of t){const n=Ie(e,i);if(typeof n=="number")return n}return null}function St(e){return e<=35?"kind.air_good":e<=75?"kind.air_moderate":"kind.air_poor"}function xs(e){const t=Bt(e,/\.pm2\.5-density$/);return typeof t=="number"?t:null}function re(e){return ln(e,ws)}function ai(e){return ln(e,ks)}function At(e){for(const[t,i]of Object.entries(e.state))if(t.endsWith(".on")&&typeof i.value=="boolean")return i.value;return null}function qt(e){const t=Ie(e,"lock.locked");return typeof t=="boolean"?t:null}function Ht(e){const t=Ie(e,"magnet-sensor.contact-state");return typeof t=="boolean"?!t:null}function Bt(e,t){const i=Object.keys(e.state).find(n=>t.test(n));return i===void 0?void 0:e.state[i].value}function Ss(e){return e.spec?.services.some(t=>t.name==="air-purifier")??Object.keys(e.state).some(t=>t.startsWith("air-purifier."))}function As(e){for(const t of e.spec?.services??[]){if(!/^(vacuum|charger)/.test(t.name))continue;const i=t.properties.find(s=>(s.name==="status"||s.name==="charging-state")&&s.values),n=i?e.state[i.path]?.value:void 0;if(i&&n!==void 0)return L(i,n)}return null}function cn(e){if(!e.online)return r("device.unavailable");const t=qt(e);if(t!==null)return r(t?"glance.locked":"glance.unlocked");const i=Ht(e);if(i!==null)return r(i?"glance.open":"glance.closed");const n=Ie(e,"motion-sensor.motion-state");if(typeof n=="boolean")return r(n?"glance.motion":"glance.no_motion");const s=[],a=xs(e);if(Ss(e)&&a!==null){const I=At(e);return I!==null&&s.push(r(I?"glance.on":"glance.off")),s.push(r("glance.pm25",{value:v(a,0),band:r(St(a))})),s.join(" · ")}const o=As(e),d=At(e);d!==null&&!(d&&o)&&s.push(r(d?"glance.on":"glance.off")),o&&s.push(o);const u=Bt(e,/^light[^.]*\.brightness$/);d&&typeof u=="number"&&s.push(`${v(u,0)}%`);const h=Bt(e,/\.current-position$/);typeof h=="number"&&s.push(r("glance.position",{value:v(h,0)}));const g=re(e);g!==null&&s.push(`${v(g,1)}°C`);const f=ai(e);f!==null&&d===null&&s.push(`${v(f,0)}%`),a!==null&&s.push(r("glance.pm25",{value:v(a,0),band:r(St(a))}));const $=Ie(e,"battery.battery-level");(s.length===0||o)&&typeof $=="number"&&s.push(r("glance.battery",{value:v($,0)}));const k=Ie(e,"power-meter.electric-power");return typeof k=="number"&&k>=1&&s.push(k>=1e3?`${v(k/1e3,1)} kW`:`${v(k,0)} W`),s.join(" · ")}const Ce={ATTRIBUTE:1,PROPERTY:3,BOOLEAN_ATTRIBUTE:4},Ps=e=>(...t)=>({_$litDirective$:e,values:t});class Es{constructor(t){}get _$AU(){return this._$AM._$AU}_$AT(t,i,n){this._$Ct=t,this._$AM=i,this._$Ci=n}_$AS(t,i){return this.update(t,i)}update(t,i){return this.render(...i)}}const Os=e=>e.strings===void 0,Cs={},Ts=(e,t=Cs)=>e._$AH=t;const Ft=Ps(class extends Es{constructor(e){if(super(e),e.type!==Ce.PROPERTY&&e.type!==Ce.ATTRIBUTE&&e.type!==Ce.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!Os(e))throw Error("`live` bindings can only contain a single expression")}render(e){return e}update(e,[t]){if(t===Z||t===c)return t;const i=e.element,n=e.name;if(e.type===Ce.PROPERTY){if(t===i[n])return Z}else if(e.type===Ce.BOOLEAN_ATTRIBUTE){if(!!t===i.hasAttribute(n))return Z}else if(e.type===Ce.ATTRIBUTE&&i.getAttribute(n)===t+"")return Z;return Ts(e),t}});var Is=Object.defineProperty,It=(e,t,i,n)=>{for(var s=void 0,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(t,i,s)||s);return s&&Is(t,i,s),s};const Ds={unlock:"confirm.unlock",open:"confirm.open",disarm:"confirm.disarm"},Ls={unlock:"confirm.unlock_button",open:"confirm.open_button",disarm:"confirm.disarm_button"},dn=P`
  .confirm {
    position: fixed;
    inset: 0;
    z-index: 20;
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 1rem;
    background: rgb(0 0 0 / 45%);
  }
  .confirm > div {
    background: var(--card, #fff);
    color: inherit;
    border-radius: 12px;
    padding: 1.2rem;
    max-width: 22rem;
    width: 100%;
    box-shadow: 0 8px 30px rgb(0 0 0 / 30%);
  }
  .confirm p {
    margin: 0 0 1rem;
    font-size: 1.1rem;
  }
  .confirm .row {
    justify-content: flex-end;
    gap: 0.5rem;
  }
  .confirm .danger {
    background: var(--danger);
    color: #fff;
  }
`;class je extends E{constructor(){super(...arguments),this.pending=null,this.error="",this.note="",this.confirming=null,this.watchesDevices=!0}feedback(t,i=""){return l`${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.note?l`<p class="muted ${i}" role="status">${this.note}</p>`:c}
      ${this.confirming?this.confirmation(this.confirming,t):c}`}confirmation(t,i){const n=r(Ds[t.verb],{name:i});return l`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${n}
      @keydown=${s=>s.key==="Escape"&&(this.confirming=null)}>
      <div>
        <p>${n}</p>
        <div class="row">
          <button @click=${()=>this.confirming=null}>${r("app.cancel")}</button>
          <button class="danger" autofocus @click=${()=>this.confirmCommand(t)}>${r(Ls[t.verb])}</button>
        </div>
      </div>
    </div>`}updated(){this.confirming&&this.renderRoot.querySelector(".confirm .danger")?.focus()}async confirmCommand(t){this.confirming=null,await this.run(t.key,t.device,()=>t.send(!0))}async write(t,i,n){const s=`/api/devices/${encodeURIComponent(t.id)}/properties/${encodeURIComponent(i.path)}`,a=async o=>{const d=y.get(t.id)?.state[i.path],u=await m.request("PUT",s,o?{value:n,confirm:o}:{value:n}),h=y.get(t.id)?.state[i.path]!==d;return u.confirmed&&!h&&y.setValue(t.id,i.path,u.value??n),u};await this.run(i.path,t,()=>a(!1),{verb:Ai(i.name,n),send:a})}async call(t,i){const n=`/api/devices/${encodeURIComponent(t.id)}/actions/${encodeURIComponent(i.path)}`,s=a=>m.request("POST",n,a?{arguments:{},confirm:a}:{arguments:{}});await this.run(i.path,t,()=>s(!1),{verb:Ai(i.name,null),send:s})}async run(t,i,n,s){this.pending=t,this.error="",this.note="";try{const a=await n();a.confirmed||(this.note=a.message||r("device.not_confirmed",{name:i.name}))}catch(a){s&&a instanceof Q&&a.status===409&&a.code==="confirmation_required"?this.confirming={key:t,device:i,...s}:(this.error=_(a),this.requestUpdate())}finally{this.pending=null}}}It([p()],je.prototype,"pending");It([p()],je.prototype,"error");It([p()],je.prototype,"note");It([p()],je.prototype,"confirming");function Ai(e,t){return e==="locked"||e.includes("lock")?"unlock":e.includes("arm")||typeof t=="string"&&t.includes("disarm")?"disarm":"open"}function bt(e){return e.controllable&&e.online&&!ge.stale}var zs=Object.defineProperty,Rs=Object.getOwnPropertyDescriptor,Pe=(e,t,i,n)=>{for(var s=n>1?void 0:n?Rs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&zs(t,i,s),s};let te=class extends je{constructor(){super(...arguments),this.deviceId="",this.full=!1,this.tile=!1,this.more=!1,this.omit=[],this.spec=null}willUpdate(e){e.has("deviceId")&&(this.spec=y.get(this.deviceId)?.spec??null,this.spec||y.spec(this.deviceId).then(t=>this.spec=t))}render(){const e=y.get(this.deviceId);if(!e)return c;const t=this.spec,i=t?_s(t):null,n=i&&!this.omit.includes(i.path)?i:null;if(this.tile)return this.renderTile(e,i);const s=t?on(t).filter(d=>!(d.kind==="toggle"&&d.prop===i)&&!this.omit.includes(d.kind==="action"?d.action.path:d.prop.path)):[],a=this.full?s:s.filter(d=>(d.kind!=="readout"||Ms(d.prop))&&!(d.kind==="action"&&n&&d.action.name==="toggle")),o=x(e.name,e.aliases);return this.more?a.length===0&&!n?c:l`<section class="card ${this.pending?"busy":""}" data-more aria-label=${r("kind.more")}>
        <h2>${r("kind.more")}</h2>
        ${a.filter(d=>d.kind!=="action").map(d=>this.control(e,d))}
        ${this.actions(e,a)}
        ${this.feedback(o)}
      </section>`:l`
      <section class="card ${this.pending?"busy":""}" data-device=${e.id} aria-label=${o}>
        <header>
          <span class="dot ${e.online?"":"off"}" title=${r(e.online?"device.online":"device.offline")}></span>
          <a href="#/device/${encodeURIComponent(e.id)}">
            <strong>${o}</strong>
            <span class="muted">${e.online?"":r("device.offline")}${e.controllable?"":` ${r("device.read_only")}`}${ge.stale?` ${r("device.stale")}`:""}</span>
          </a>
          ${n?this.toggle(e,n,o):c}
        </header>
        ${a.filter(d=>d.kind!=="action").map(d=>this.control(e,d))}
        ${this.actions(e,a)}
        ${this.feedback(o)}
      </section>
    `}renderTile(e,t){const i=x(e.name,e.aliases),n=[e.controllable?"":r("device.read_only"),ge.stale?r("device.stale"):""],s=[cn(e),...n].filter(o=>o).join(" · "),a=`${e.online?At(e)?"on":"":"unavailable"} ${ge.stale?"stale":""}`;return l`<section class="tile ${a} ${this.pending?"busy":""}" data-device=${e.id} aria-label=${i}>
      <a href="#/device/${encodeURIComponent(e.id)}">
        <strong>${i}</strong>
        <span class="line" data-line>${s}</span>
      </a>
      ${t?this.toggle(e,t,i):c}
      ${this.feedback(i,"note")}
    </section>`}toggle(e,t,i){const n=e.state[t.path]?.value===!0;return l`<button
      role="switch"
      aria-checked=${n?"true":"false"}
      aria-label="${i}: ${J(t)}"
      data-path=${t.path}
      ?disabled=${!bt(e)||this.pending===t.path}
      @click=${()=>this.write(e,t,!n)}
    ></button>`}control(e,t){if(t.kind==="action")return c;const i=t.prop,n=e.state[i.path]?.value,s=J(i),a=!bt(e)||this.pending===i.path;switch(t.kind){case"toggle":return l`<div class="control"><div class="row">
          <span>${s}</span>${this.toggle(e,i,s)}
        </div></div>`;case"slider":{const o=typeof n=="number"?n:t.min,{min:d,max:u,step:h}=t;return l`<div class="control" data-path=${i.path}>
          <div class="row"><span>${s}</span><span class="value">${L(i,n)}</span></div>
          <div class="row">
            <button class="step" aria-label="${s}: ${r("device.decrease")}" ?disabled=${a||o<=d}
              @click=${()=>this.write(e,i,Ye(o-h,d,u,h))}>−</button>
            <input type="range" min=${d} max=${u} step=${h} .value=${Ft(String(o))}
              aria-label=${s} aria-valuetext=${L(i,n)} ?disabled=${a}
              @change=${g=>this.write(e,i,Ye(Number(g.target.value),d,u,h))} />
            <button class="step" aria-label="${s}: ${r("device.increase")}" ?disabled=${a||o>=u}
              @click=${()=>this.write(e,i,Ye(o+h,d,u,h))}>+</button>
          </div>
          ${this.full?l`<div class="row between muted"><span>${d}${Me(i.unit)}</span><span>${u}${Me(i.unit)}</span></div>`:c}
        </div>`}case"choice":return t.options.length>5?l`<div class="control" data-path=${i.path}><label>${s}
            <select ?disabled=${a} .value=${Ft(String(n??""))}
              @change=${o=>this.write(e,i,Number(o.target.value))}>
              ${t.options.map(o=>l`<option value=${o.value}>${L(i,o.value)}</option>`)}
            </select></label></div>`:l`<div class="control" data-path=${i.path}><span>${s}</span>
          <div class="segments" role="group" aria-label=${s}>
            ${t.options.map(o=>l`<button aria-pressed=${o.value===n?"true":"false"} ?disabled=${a}
                @click=${()=>this.write(e,i,o.value)}>${L(i,o.value)}</button>`)}
          </div></div>`;case"readout":return l`<div class="control row between" data-path=${i.path}>
          <span class="muted">${s}</span><span class="value">${L(i,n)}</span>
        </div>`}}actions(e,t){const i=t.filter(n=>n.kind==="action");return i.length===0?c:l`<div class="actions">
      ${i.map(({action:n})=>l`<button ?disabled=${!bt(e)||this.pending===n.path}
          @click=${()=>this.call(e,n)}>${J(n)}</button>`)}
    </div>`}};te.styles=[S,dn,P`
      .card {
        margin: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      header a {
        flex: 1;
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      header strong {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--ok);
        flex: none;
      }
      .dot.off {
        background: var(--danger);
      }
      .control {
        margin-top: 0.6rem;
      }
      .control > .row {
        justify-content: space-between;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        position: relative;
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--accent);
        min-height: 36px;
      }
      .step {
        min-width: 40px;
        padding: 0.3rem;
      }
      .segments {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.3rem;
      }
      .segments button {
        flex: 1;
        min-height: 36px;
        padding: 0.3rem 0.5rem;
      }
      .segments button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.6rem;
      }
      .busy {
        opacity: 0.6;
      }
      .tile {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        background: var(--card);
        border-radius: 14px;
        padding: 0.5rem 0.55rem 0.5rem 0.75rem;
        min-height: 64px;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .tile.on {
        background: var(--tile-on, #fff6dc);
      }
      .tile.stale {
        opacity: 0.75;
      }
      .tile.unavailable {
        opacity: 0.6;
        background: var(--chip);
      }
      .tile a {
        flex: 1;
        min-width: 0;
        color: inherit;
        text-decoration: none;
      }
      .tile strong {
        display: block;
        font-size: 0.9rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile .line {
        display: block;
        font-size: 0.78rem;
        color: var(--muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile [role='switch'] {
        width: 44px;
        min-height: 26px;
        height: 26px;
      }
      .tile [role='switch']::after {
        width: 20px;
        height: 20px;
      }
      .tile [role='switch'][aria-checked='true']::after {
        transform: translateX(18px);
      }
      .tile .error,
      .tile .note {
        position: absolute;
        left: 0.5rem;
        right: 0.5rem;
        top: 100%;
        z-index: 1;
        margin: 0.2rem 0 0;
        background: var(--card);
        border-radius: 8px;
        padding: 0.3rem 0.5rem;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        font-size: 0.8rem;
      }
      :host([tile]) {
        position: relative;
      }
    `];Pe([b({attribute:"device-id"})],te.prototype,"deviceId",2);Pe([b({type:Boolean})],te.prototype,"full",2);Pe([b({type:Boolean,reflect:!0})],te.prototype,"tile",2);Pe([b({type:Boolean})],te.prototype,"more",2);Pe([b({attribute:!1})],te.prototype,"omit",2);Pe([p()],te.prototype,"spec",2);te=Pe([w("orbit-device-card")],te);function Ms(e){return["temperature","relative-humidity","battery-level","electric-power","current-position","status","charging-state","range","door-state"].includes(e.name)}let Wt=0,un=0;function hn(e){Number.isFinite(e)&&(Wt=e,un=Date.now()/1e3)}function Je(){return Wt===0?Date.now()/1e3:Wt+(Date.now()/1e3-un)}var Ns=Object.defineProperty,Us=Object.getOwnPropertyDescriptor,ot=(e,t,i,n)=>{for(var s=n>1?void 0:n?Us(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Ns(t,i,s),s};let ye=class extends E{constructor(){super(...arguments),this.spaceId="",this.summary=null,this.presence=null,this.car=null,this.watchesDevices=!0}willUpdate(e){e.has("spaceId")&&this.spaceId&&this.load()}async load(){const e=encodeURIComponent(this.spaceId),[t,i,n]=await Promise.all([m.get(`/api/summary?space_id=${e}`).catch(()=>tt(`summary.${this.spaceId}`)),m.get("/api/presence").catch(()=>null),m.get("/api/vehicles").catch(()=>null)]);t&&(hn(t.now),wt(`summary.${this.spaceId}`,t)),this.summary=t,this.presence=i,this.car=n?.[0]??null}render(){const e=y.all().filter(t=>t.space_id===this.spaceId);return l`<div class="glance" role="group" aria-label=${r("glance.title")} data-summary>
      ${this.people()} ${this.climate(e)} ${this.security(e)} ${this.energy()} ${this.vehicle()}
    </div>`}people(){const e=this.presence?.find(i=>i.space_id===this.spaceId);if(!e)return c;const t=e.people.map(i=>i.person.charAt(0).toUpperCase()+i.person.slice(1));return l`<div class="item" data-glance="people">
      <span>${r("glance.people")}</span><b>${t.length?t.join(", "):r("glance.nobody")}</b>
    </div>`}climate(e){const t=e.filter(d=>d.online&&d.type.includes("sensor")&&re(d)!==null),i=t.length?t:e.filter(d=>d.online&&re(d)!==null);if(i.length===0)return c;const n=d=>d.reduce((u,h)=>u+h,0)/d.length,s=n(i.map(d=>re(d)??0)),a=i.map(ai).filter(d=>d!==null),o=`${v(s,1)}°C${a.length?` · ${v(n(a),0)}%`:""}`;return l`<div class="item" data-glance="climate"><span>${r("glance.inside")}</span><b>${o}</b></div>`}security(e){const t=e.filter(d=>qt(d)!==null),i=e.filter(d=>Ht(d)!==null);if(t.length===0&&i.length===0)return c;const n=t.filter(d=>qt(d)===!1),s=i.filter(d=>Ht(d)===!0),a=[];n.length===0&&s.length===0?a.push(r(t.length?"glance.secure":"glance.doors_closed")):n.length?a.push(r("glance.unlocked_named",{names:n.map(d=>x(d.name,d.aliases)).join(", ")})):t.length&&a.push(r("glance.all_locked")),s.length&&a.push(r("glance.open_count",{count:s.length}));const o=n.length>0||s.length>0;return l`<div class="item ${o?"alert":""}" data-glance="security">
      <span>${r("glance.doors")}</span><b>${a.join(" · ")}</b>
    </div>`}energy(){const e=this.summary?.energy;if(!e)return c;let t=`${v(e.kwh,1)} kWh`;return e.cost!==null&&e.currency&&(t+=` · ${e.cost.toLocaleString(T(),{style:"currency",currency:e.currency})}`),l`<a class="item" href="#/energy" data-glance="energy"><span>${r("glance.energy")}</span><b>${t}</b></a>`}vehicle(){const e=this.car;if(!e||e.battery===null)return c;const t=[`${v(e.battery,0)}%`],i=e.places.find(n=>n.eta&&!n.inside);return i?.eta?t.push(r("glance.eta",{place:x(i.name),minutes:Math.max(1,Math.round(i.eta.seconds/60))})):e.charging.state==="charging"&&t.push(r("glance.charging")),l`<a class="item" href="#/space/${encodeURIComponent(e.id)}" data-glance="car">
      <span>${r("car.title")}</span><b>${t.join(" · ")}</b>
    </a>`}};ye.styles=[S,P`
      .glance {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 0.4rem;
        margin-bottom: 0.6rem;
      }
      .item {
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.6rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      .item span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
      }
      .item b {
        display: block;
        font-weight: 600;
        font-size: 0.92rem;
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .alert b {
        color: var(--danger);
      }
    `];ot([b({attribute:"space-id"})],ye.prototype,"spaceId",2);ot([p()],ye.prototype,"summary",2);ot([p()],ye.prototype,"presence",2);ot([p()],ye.prototype,"car",2);ye=ot([w("orbit-home-summary")],ye);var js=Object.defineProperty,qs=Object.getOwnPropertyDescriptor,qe=(e,t,i,n)=>{for(var s=n>1?void 0:n?qs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&js(t,i,s),s};let le=class extends E{constructor(){super(...arguments),this.spaceId="",this.scenes=[],this.busy="",this.message="",this.error="",this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),m.get("/api/scenes").then(e=>this.scenes=e).catch(()=>null)}render(){const e=this.scenes.filter(t=>t.devices.some(i=>y.get(i)?.space_id===this.spaceId));return e.length===0?c:l`<div class="chips" role="group" aria-label=${r("scenes.title")}>
        ${e.map(t=>l`<button data-scene=${t.id} ?disabled=${this.busy!==""} @click=${()=>this.activate(t)}>
            ${x(t.name,t.aliases)}</button>`)}
      </div>
      ${this.message?l`<p class="muted" role="status">${this.message}</p>`:c}
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}`}async activate(e){this.busy=e.id,this.message="",this.error="";const t=x(e.name,e.aliases);try{const i=await m.request("POST",`/api/scenes/${encodeURIComponent(e.id)}/activate`);i.failed.length===0?this.message=r("scenes.done",{name:t}):this.error=r("scenes.partial",{name:t,count:i.failed.length,reason:i.failed[0].message})}catch(i){this.error=_(i)}finally{this.busy=""}}};le.styles=[S,P`
      .chips {
        padding-bottom: 0.4rem;
      }
      .chips button {
        background: var(--card);
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      p {
        margin: 0 0 0.4rem;
      }
    `];qe([b({attribute:"space-id"})],le.prototype,"spaceId",2);qe([p()],le.prototype,"scenes",2);qe([p()],le.prototype,"busy",2);qe([p()],le.prototype,"message",2);qe([p()],le.prototype,"error",2);le=qe([w("orbit-scene-bar")],le);var Hs=Object.defineProperty,Bs=Object.getOwnPropertyDescriptor,He=(e,t,i,n)=>{for(var s=n>1?void 0:n?Bs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Hs(t,i,s),s};let Pi=!1,ce=class extends E{constructor(){super(...arguments),this.spaceId="",this.roomId="",this.answer=null,this.error="",this.busy=!1}render(){return Pi?c:l`
      <form @submit=${this.ask}>
        <input type="text" name="text" enterkeyhint="send" autocomplete="off"
          aria-label=${r("assistant.send")} placeholder=${r("assistant.placeholder")} />
        <button class="primary" ?disabled=${this.busy}>${r("assistant.send")}</button>
      </form>
      ${this.answer?l`<div class="card" role="status" data-answer>
            <p>${this.answer.answer}</p>
            ${this.answer.needs_clarification&&this.answer.choices?.length?l`<div class="chips" role="group" aria-label=${r("assistant.choices")}>
                  ${this.answer.choices.map(e=>l`<button type="button" data-choice=${e.id} ?disabled=${this.busy}
                      @click=${()=>this.choose(e.id)}>${e.label??e.name??e.id}</button>`)}
                  ${this.answer.choices.length>1?l`<button type="button" data-choice="all" ?disabled=${this.busy}
                        @click=${()=>this.choose("all")}>${r("assistant.all")}</button>`:c}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${()=>this.choose("cancel")}>${r("assistant.cancel")}</button>
                </div>`:c}
          </div>`:c}
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
    `}async choose(e){this.busy=!0,this.error="";try{this.answer=await m.request("POST","/api/assistant/choose",{choice:e,language:T()})}catch(t){this.error=_(t)}finally{this.busy=!1}}async ask(e){e.preventDefault();const i=e.target.elements.namedItem("text"),n=i.value.trim();if(n){this.busy=!0,this.error="";try{const s={...this.spaceId?{space_id:this.spaceId}:{},...this.roomId?{room_id:this.roomId}:{}};this.answer=await m.request("POST","/api/assistant/ask",{text:n,language:T(),...s}),i.value=""}catch(s){s instanceof Q&&s.missing?(Pi=!0,this.requestUpdate()):this.error=_(s)}finally{this.busy=!1}}}};ce.styles=[S,P`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `];He([b({attribute:!1})],ce.prototype,"spaceId",2);He([b({attribute:!1})],ce.prototype,"roomId",2);He([p()],ce.prototype,"answer",2);He([p()],ce.prototype,"error",2);He([p()],ce.prototype,"busy",2);ce=He([w("orbit-assistant-box")],ce);const Fs=(function(){const t=typeof document<"u"&&document.createElement("link").relList;return t&&t.supports&&t.supports("modulepreload")?"modulepreload":"preload"})(),Ws=function(e){return"/"+e},Ei={},Pt=function(t,i,n){let s=Promise.resolve();if(i&&i.length>0){let h=function(g){return Promise.all(g.map(f=>Promise.resolve(f).then($=>({status:"fulfilled",value:$}),$=>({status:"rejected",reason:$}))))};var o=h;document.getElementsByTagName("link");const d=document.querySelector("meta[property=csp-nonce]"),u=d?.nonce||d?.getAttribute("nonce");s=h(i.map(g=>{if(g=Ws(g),g in Ei)return;Ei[g]=!0;const f=g.endsWith(".css"),$=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${g}"]${$}`))return;const k=document.createElement("link");if(k.rel=f?"stylesheet":Fs,f||(k.as="script"),k.crossOrigin="",k.href=g,u&&k.setAttribute("nonce",u),document.head.appendChild(k),f)return new Promise((I,O)=>{k.addEventListener("load",I),k.addEventListener("error",()=>O(new Error(`Unable to preload CSS for ${g}`)))})}))}function a(d){const u=new Event("vite:preloadError",{cancelable:!0});if(u.payload=d,window.dispatchEvent(u),!u.defaultPrevented)throw d}return s.then(d=>{for(const u of d||[])u.status==="rejected"&&a(u.reason);return t().catch(a)})};var Zs=Object.defineProperty,Vs=Object.getOwnPropertyDescriptor,lt=(e,t,i,n)=>{for(var s=n>1?void 0:n?Vs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Zs(t,i,s),s};const Gs="https://tile.openstreetmap.org/{z}/{x}/{y}.png",Ks='© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';let $e=class extends E{constructor(){super(...arguments),this.vehicleId="",this.spaces=[],this.latitude=0,this.longitude=0,this.map=null,this.car=null,this.track=null}render(){return l`<div class="map" data-map role="region" aria-label=${r("car.location")}></div>`}disconnectedCallback(){super.disconnectedCallback(),this.map?.remove(),this.map=null}async firstUpdated(){const e=this.renderRoot.querySelector(".map");if(!e)return;const t=await Pt(()=>import("./leaflet-src-Byf149Wh.js").then(h=>h.l),[]),i=document.createElement("style");i.textContent=(await Pt(async()=>{const{default:h}=await import("./leaflet-xBcqXExc.js");return{default:h}},[])).default,this.renderRoot.appendChild(i);const n=t.map(e,{attributionControl:!0}).setView([this.latitude,this.longitude],13);this.map=n;let s=0,a=0;t.tileLayer(Gs,{maxZoom:19,attribution:Ks}).on("tileload",()=>s+=1).on("tileerror",()=>{a+=1,s===0&&a>=2&&this.dispatchEvent(new Event("failed"))}).addTo(n);const o=t.latLngBounds([[this.latitude,this.longitude]]);for(const h of this.spaces)h.kind==="vehicle"||h.latitude===null||h.longitude===null||(o.extend([h.latitude,h.longitude]),t.circle([h.latitude,h.longitude],{radius:h.radius_m,color:"#1f6cc7",weight:2}).bindTooltip(x(h.name,h.aliases),{permanent:!0,direction:"right"}).addTo(n));this.car=t.circleMarker([this.latitude,this.longitude],{radius:8,color:"#fff",weight:2,fillColor:"#c23434",fillOpacity:1}).addTo(n),n.fitBounds(o,{padding:[30,30],maxZoom:15});const u=((await m.optional(`/api/vehicles/${encodeURIComponent(this.vehicleId)}/track`).catch(()=>null))?.points??[]).map(h=>[h.latitude,h.longitude]);this.map===n&&u.length>1&&(this.track=t.polyline(u,{color:"#1f6cc7",weight:4,className:"track"}).addTo(n),n.fitBounds(o.extend(this.track.getBounds()),{padding:[30,30],maxZoom:15}))}updated(e){(e.has("latitude")||e.has("longitude"))&&this.car&&(this.car.setLatLng([this.latitude,this.longitude]),this.track?.addLatLng([this.latitude,this.longitude]))}};$e.styles=[S,P`
      .map {
        height: 240px;
        border-radius: 10px;
        overflow: hidden;
        z-index: 0;
      }
    `];lt([b({attribute:"vehicle-id"})],$e.prototype,"vehicleId",2);lt([b({attribute:!1})],$e.prototype,"spaces",2);lt([b({type:Number})],$e.prototype,"latitude",2);lt([b({type:Number})],$e.prototype,"longitude",2);$e=lt([w("orbit-car-map")],$e);var Ys=Object.defineProperty,Js=Object.getOwnPropertyDescriptor,ct=(e,t,i,n)=>{for(var s=n>1?void 0:n?Js(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Ys(t,i,s),s};let _e=class extends E{constructor(){super(...arguments),this.vehicle=null,this.busy=!1,this.message="",this.error=""}render(){const e=this.vehicle,t=e?.charging.settings;if(!e||!t||e.controllable===!1)return c;const i=e.charging.limit_soc??t.limit_soc;return l`<form class="card" data-car="settings" @submit=${this.save}>
      <h3>${r("car.settings")}</h3>
      <div class="fields">
        <label>${r("car.target")}
          <input type="number" name="target" inputmode="numeric" min="10" max="100" step="1" required .value=${String(Math.round(t.target_soc))} /></label>
        <label>${r("car.departure")}
          <input type="time" name="departure" required .value=${t.departure_time??"07:30"} /></label>
        <label>${r("car.limit")}
          <input type="number" name="limit" inputmode="numeric" min="50" max="100" step="1" required .value=${String(Math.round(i))} /></label>
      </div>
      <p class="muted">${r("car.settings_hint")}</p>
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy}>${r("app.save")}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.precondition}>${r("car.precondition")}</button>
      </div>
      ${this.message?l`<p class="muted" role="status">${this.message}</p>`:c}
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
    </form>`}async save(e){e.preventDefault();const t=this.vehicle;if(!t)return;const i=new FormData(e.target),n=Number(i.get("target")),s=Number(i.get("limit"));if(n>s){this.message="",this.error=r("car.target_over_limit",{target:n,limit:s});return}await this.run(async()=>{await m.request("PUT",`/api/vehicles/${encodeURIComponent(t.id)}/charging`,{target_soc:n,departure_time:String(i.get("departure")),limit:s}),this.message=r("car.saved"),this.dispatchEvent(new Event("changed"))})}async precondition(){const e=this.vehicle;e&&await this.run(async()=>{const t=await m.request("POST",`/api/vehicles/${encodeURIComponent(e.id)}/precondition`);this.message=t.confirmed?r("car.preconditioning",{temperature:t.target_temperature}):t.message})}async run(e){this.busy=!0,this.message="",this.error="";try{await e()}catch(t){this.error=_(t)}finally{this.busy=!1}}};_e.styles=[S,P`
      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
        gap: 0.5rem;
      }
      .fields label {
        margin: 0;
        font-size: 0.85rem;
      }
      input {
        width: 100%;
        padding: 0.5rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
        margin-top: 0.2rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
    `];ct([b({attribute:!1})],_e.prototype,"vehicle",2);ct([p()],_e.prototype,"busy",2);ct([p()],_e.prototype,"message",2);ct([p()],_e.prototype,"error",2);_e=ct([w("orbit-charge-settings")],_e);var Xs=Object.defineProperty,Qs=Object.getOwnPropertyDescriptor,dt=(e,t,i,n)=>{for(var s=n>1?void 0:n?Qs(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Xs(t,i,s),s};const Oi=["Disconnected","Plugged","Charging","Complete"];let we=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.vehicle=null,this.mapFailed=!1,this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),this.load()}load(){m.optional(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(e=>this.vehicle=e,()=>this.vehicle=null)}get zone(){return this.spaces.find(e=>e.id===this.spaceId)?.timezone}get car(){return y.all().find(e=>e.space_id===this.spaceId&&e.type==="vehicle")}render(){const e=this.car;if(!e)return c;const t=a=>{const o=e.state[a]?.value;return typeof o=="number"?o:void 0},i=t("battery.battery-level"),n=t("charging.charge-limit"),s=t("charging.charging-state");return l`
      <section class="card" aria-label=${r("car.title")}>
        <div class="stats">
          <div><div class="muted">${r("car.battery")}</div><div class="big" data-car="battery">${i===void 0?"–":`${v(i,0)}%`}</div></div>
          <div><div class="muted">${r("car.range")}</div><div class="big" data-car="range">${t("vehicle.range")===void 0?"–":`${v(t("vehicle.range")??0,0)} ${Me("km")}`}</div></div>
          <div><div class="muted">${r("car.charging")}</div><div class="big" data-car="charging">${s===void 0?"–":Re(Oi[s]??"",Oi[s]??String(s))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${r("car.battery")} ${i??""}% / ${r("car.limit")} ${n??""}%">
          <span style="width:${i??0}%"></span>${n!==void 0?l`<i style="left:${n}%"></i>`:c}
        </div>
        <div class="muted">${r("car.limit")}: ${n??"–"}%</div>
      </section>
      ${this.location(t("location.latitude"),t("location.longitude"))}
      ${this.plan()}
      <orbit-charge-settings .vehicle=${this.vehicle} @changed=${()=>this.load()}></orbit-charge-settings>
      <h2>${r("car.climate")}</h2>
    `}location(e,t){return e===void 0||t===void 0?c:!navigator.onLine||this.mapFailed?this.sketch(e,t):l`<section class="card" aria-label=${r("car.location")}>
      <h3>${r("car.location")}</h3>
      <orbit-car-map vehicle-id=${this.spaceId} .spaces=${this.spaces} .latitude=${e} .longitude=${t}
        @failed=${()=>this.mapFailed=!0}></orbit-car-map>
    </section>`}sketch(e,t){const i=this.spaces.find(A=>A.kind==="home"&&A.latitude!==null);if(e===void 0||t===void 0||!i||i.latitude===null||i.longitude===null)return c;const n=i.latitude,s=i.longitude,a=(A,Be)=>[(Be-s)*111.32*Math.cos(n*Math.PI/180),-(A-n)*110.57],o=this.spaces.filter(A=>A.kind!=="vehicle"&&A.latitude!==null&&A.longitude!==null).map(A=>({space:A,at:a(A.latitude??0,A.longitude??0)})),d=a(e,t),u=[d[0],...o.map(A=>A.at[0])],h=[d[1],...o.map(A=>A.at[1])],g=1,f=Math.min(...u)-g,$=Math.min(...h)-g,k=Math.max(Math.max(...u)-f+g,Math.max(...h)-$+g,2),I=320,O=200,j=Math.min(I,O)/k,Oe=([A,Be])=>[(A-f)*j+(I-k*j)/2,(Be-$)*j],[$n,_n]=Oe(d),li=Math.hypot(d[0],d[1]);return l`<section class="card" aria-label=${r("car.location")}>
      <h3>${r("car.location")}</h3>
      <svg data-map-sketch viewBox="0 0 ${I} ${O}" role="img" aria-label=${r("car.distance",{km:v(li,1)})}>
        ${o.map(({space:A,at:Be})=>{const[ci,di]=Oe(Be);return Ln`<circle cx=${ci} cy=${di} r=${Math.max(4,A.radius_m/1e3*j)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${ci+7} y=${di-7}>${x(A.name,A.aliases)}</text>`})}
        <circle cx=${$n} cy=${_n} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${r("car.distance",{km:v(li,1)})}</div>
    </section>`}plan(){const e=this.vehicle;if(!e)return c;const t=e.charging?.plan??null,i=Qi(),n=u=>u[i]??Object.values(u)[0]??"",s=e.charging?.plan_reason_text??null,a=s?n(s):e.charging?.plan_reason??null,o=(e.places??[]).filter(u=>u.eta&&!u.inside);if(!t&&!a&&o.length===0)return c;const d=t?n(t.explanation):"";return l`<section class="card" aria-label=${r("car.plan")} data-car="plan">
      ${t||a?l`<h3>${r("car.plan")}</h3>
            ${a?l`<p data-car="plan-reason">${a}</p>`:c}
            ${t?l`<p class="muted" data-car="plan-summary">${r("car.plan_line",{target:v(t.target_soc,0),time:oe(t.departure,this.zone),cost:t.cost.toLocaleString(T(),{style:"currency",currency:t.currency})})}</p><p>${d}</p>`:c}`:c}
      ${o.length?l`<h3>${r("car.eta")}</h3>
            ${o.map(u=>{const h=this.spaces.find($=>$.id===u.space_id),g=h?x(h.name,h.aliases):u.name,f=v((u.eta?.seconds??0)/60,0);return l`<div>${r("car.eta_line",{place:g,time:oe(u.eta?.arrival??0,this.zone),minutes:f})}</div>`})}`:c}
    </section>`}};we.styles=[S,P`
      .stats {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
        text-align: center;
      }
      .big {
        font-size: 1.25rem;
        white-space: nowrap;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
      }
      .bar {
        height: 10px;
        border-radius: 5px;
        background: var(--line);
        overflow: hidden;
        margin: 0.6rem 0 0.2rem;
        position: relative;
      }
      .bar span {
        display: block;
        height: 100%;
        background: var(--ok);
      }
      .bar i {
        position: absolute;
        top: 0;
        bottom: 0;
        width: 2px;
        background: var(--fg);
      }
      svg {
        width: 100%;
        height: auto;
        background: var(--bg);
        border-radius: 10px;
      }
      svg text {
        font-size: 11px;
        fill: var(--fg);
      }
    `];dt([b({attribute:"space-id"})],we.prototype,"spaceId",2);dt([b({attribute:!1})],we.prototype,"spaces",2);dt([p()],we.prototype,"vehicle",2);dt([p()],we.prototype,"mapFailed",2);we=dt([w("orbit-car-panel")],we);var ea=Object.defineProperty,ta=Object.getOwnPropertyDescriptor,Ee=(e,t,i,n)=>{for(var s=n>1?void 0:n?ta(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&ea(t,i,s),s};let ie=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.room="",this.ids=[],this.error="",this.loading=!0,this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=rn(()=>this.requestUpdate()),this.loadSpaces()}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(e){e.has("spaceId")&&this.spaces.length>0&&this.loadDevices()}get space(){return this.spaces.find(e=>e.id===this.spaceId)??this.spaces[0]}async loadSpaces(){try{this.spaces=await m.get("/api/spaces"),wt("spaces",this.spaces),this.error="",await this.loadDevices()}catch(e){this.fromCache(e)||(this.error=_(e)),this.loading=!1}}async loadDevices(){const e=this.space;if(!e){this.loading=!1;return}this.room="",this.loading=!0;try{const t=await m.get(`/api/devices?space_id=${encodeURIComponent(e.id)}`);y.put(t),wt(`devices.${e.id}`,t),this.ids=t.map(i=>i.id),D.follow({spaces:[e.id]}),this.error=""}catch(t){this.fromCache(t)||(this.error=_(t))}finally{this.loading=!1}}fromCache(e){if(!(e instanceof Q)||e.status!==0)return!1;this.spaces.length===0&&(this.spaces=tt("spaces")??[]);const t=this.space,i=t?tt(`devices.${t.id}`):null;return i?(y.put(i),this.ids=i.map(n=>n.id),!0):!1}render(){const e=this.space,t=e?.kind==="home";return l`
      ${this.spaces.length>1?l`<nav class="chips space-tabs" aria-label=${r("nav.home")}>
            ${this.spaces.map(i=>l`<button aria-pressed=${i.id===e?.id?"true":"false"}
                @click=${()=>location.hash=`#/space/${encodeURIComponent(i.id)}`}>
                ${x(i.name,i.aliases)}</button>`)}
          </nav>`:c}
      ${e&&t?l`<orbit-home-summary space-id=${e.id}></orbit-home-summary>`:c}
      ${e?l`<orbit-scene-bar space-id=${e.id}></orbit-scene-bar>`:c}
      <orbit-assistant-box .spaceId=${e?.id??""} .roomId=${this.room}></orbit-assistant-box>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${e?this.body(e):this.loading?l`<p class="muted">${r("app.loading")}</p>`:l`<p>${r("spaces.empty")}</p>`}
    `}body(e){const t=this.ids.map(u=>y.get(u)).filter(u=>u!==void 0&&u.space_id===e.id),i=e.rooms.filter(u=>t.some(h=>h.room_id===u.id)),n=this.room?t.filter(u=>u.room_id===this.room):t,s=this.room?[]:si().map(u=>t.find(h=>h.id===u)).filter(u=>u!==void 0),a=[...i.map(u=>({id:u.id,name:x(u.name,u.aliases)})),{id:"",name:r("spaces.no_room")}].map(u=>({...u,devices:n.filter(h=>(h.room_id??"")===u.id)})).filter(u=>u.devices.length>0),o=e.kind!=="vehicle",d=u=>l`<div class="grid ${o?"":"cards"}">
      ${u.map(h=>l`<orbit-device-card ?tile=${o} device-id=${h.id}></orbit-device-card>`)}
    </div>`;return l`
      ${e.kind==="vehicle"?l`<orbit-car-panel space-id=${e.id} .spaces=${this.spaces}></orbit-car-panel>`:c}
      ${i.length>1?l`<nav class="rooms" aria-label=${r("spaces.rooms_all")}>
            ${i.map(u=>this.roomTile(u,t.filter(h=>h.room_id===u.id)))}
          </nav>`:c}
      ${this.loading&&t.length===0?l`<p class="muted">${r("app.loading")}</p>`:c}
      ${!this.loading&&t.length===0?l`<p>${r("spaces.empty")}</p>`:c}
      ${s.length?l`<h2 data-favourites>${r("spaces.favourites")}</h2>${d(s)}`:c}
      ${a.map(u=>l`${a.length>1||u.id?l`<h2 data-room-heading=${u.id}>${u.name}</h2>`:c}${d(u.devices)}`)}
    `}roomTile(e,t){const i=x(e.name,e.aliases),n=t.filter(h=>h.online&&h.type.includes("sensor")).map(re).filter(h=>h!==null),s=t.map(re).filter(h=>h!==null),a=n[0]??s[0],o=t.filter(h=>h.online&&At(h)===!0).length,d=[a!==void 0?`${v(a,1)}°C`:"",o?r("spaces.on_count",{count:o}):r("spaces.all_off")].filter(h=>h),u=this.room===e.id;return l`<button data-room=${e.id} aria-pressed=${u?"true":"false"}
      aria-describedby="room-${e.id}" @click=${()=>this.room=u?"":e.id}>
      <b>${i}</b><span id="room-${e.id}" aria-hidden="true">${d.join(" · ")}</span>
    </button>`}};ie.styles=[S,P`
      .grid {
        display: grid;
        gap: 0.5rem;
        grid-template-columns: repeat(auto-fill, minmax(160px, 1fr));
        margin-bottom: 0.6rem;
      }
      .grid.cards {
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
      }
      .rooms {
        display: flex;
        gap: 0.5rem;
        overflow-x: auto;
        padding-bottom: 0.5rem;
        scrollbar-width: none;
      }
      .rooms button {
        flex: none;
        min-width: 104px;
        text-align: left;
        background: var(--card);
        border-radius: 12px;
        padding: 0.4rem 0.7rem;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .rooms button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .rooms button[aria-pressed='true'] span {
        color: #fff;
      }
      .rooms b {
        display: block;
        font-size: 0.9rem;
        white-space: nowrap;
      }
      .rooms span {
        display: block;
        font-size: 0.75rem;
        color: var(--muted);
        white-space: nowrap;
      }
      .space-tabs {
        margin-bottom: 0.25rem;
      }
      h2 {
        margin: 0.4rem 0 0.4rem;
        font-size: 0.95rem;
        color: var(--muted);
      }
    `];Ee([b({attribute:"space-id"})],ie.prototype,"spaceId",2);Ee([p()],ie.prototype,"spaces",2);Ee([p()],ie.prototype,"room",2);Ee([p()],ie.prototype,"ids",2);Ee([p()],ie.prototype,"error",2);Ee([p()],ie.prototype,"loading",2);ie=Ee([w("orbit-spaces")],ie);var ia=Object.defineProperty,pn=(e,t,i,n)=>{for(var s=void 0,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(t,i,s)||s);return s&&ia(t,i,s),s};const na=P`
  .panel.unavailable {
    opacity: 0.7;
  }
  .panel header h2 {
    margin: 0;
  }
  .panel header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .big {
    font-size: 2.4rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
    margin: 0.3rem 0;
  }
  .stepper {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 1.2rem;
    margin: 0.6rem 0;
  }
  .stepper button {
    width: 56px;
    height: 56px;
    border-radius: 50%;
    font-size: 1.6rem;
    padding: 0;
  }
  .beside {
    text-align: center;
  }
  .part {
    margin-top: 0.9rem;
  }
  .part > .row {
    justify-content: space-between;
  }
  .segments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin-top: 0.3rem;
  }
  .segments button {
    flex: 1;
    min-height: 40px;
    padding: 0.3rem 0.5rem;
  }
  .segments button[aria-pressed='true'],
  .actions button.primary {
    background: var(--accent);
    color: #fff;
  }
  input[type='range'] {
    width: 100%;
    accent-color: var(--accent);
    min-height: 40px;
  }
  .ends {
    display: flex;
    justify-content: space-between;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    margin-top: 0.8rem;
  }
  .actions button {
    flex: 1;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: 0.6rem;
    margin-top: 0.6rem;
  }
  .fact {
    background: var(--bg);
    border-radius: 10px;
    padding: 0.5rem 0.7rem;
  }
  .fact strong {
    display: block;
    font-size: 1.3rem;
    font-variant-numeric: tabular-nums;
  }
  [role='switch'] {
    width: 60px;
    min-height: 34px;
    height: 34px;
    padding: 3px;
    border-radius: 999px;
    background: var(--line);
    flex: none;
  }
  [role='switch']::after {
    content: '';
    display: block;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    background: #fff;
    transition: transform 0.15s;
  }
  [role='switch'][aria-checked='true'] {
    background: var(--accent);
  }
  [role='switch'][aria-checked='true']::after {
    transform: translateX(26px);
  }
`;class ne extends je{constructor(){super(...arguments),this.deviceId="",this.kind=null}static{this.styles=[S,dn,na]}get device(){return y.get(this.deviceId)}value(t){return t?this.device?.state[t.path]?.value:void 0}number(t){const i=this.value(t);return typeof i=="number"?i:null}busy(t){const i=this.device;return!i||!bt(i)||t!==void 0&&this.pending===t}nameOf(t){return x(t.name,t.aliases)}frame(t,i,n){const s=this.nameOf(t),a=[t.online?"":r("device.unavailable"),t.controllable?"":r("device.read_only"),ge.stale?r("device.stale"):""].filter(o=>o);return l`<section class="card panel ${t.online?"":"unavailable"}" data-kind=${this.kind?.name??""} aria-label=${s}>
      <header>
        <div><h2>${s}</h2>${a.length?l`<span class="muted" data-note>${a.join(" ")}</span>`:c}</div>
        ${i?this.powerSwitch(t,i,s):c}
      </header>
      ${n}
      ${this.feedback(s)}
    </section>`}powerSwitch(t,i,n){const s=this.value(i)===!0;return l`<button role="switch" aria-checked=${s?"true":"false"} aria-label="${n}: ${J(i)}"
      data-path=${i.path} ?disabled=${this.busy(i.path)} @click=${()=>this.write(t,i,!s)}></button>`}stepper(t,i){const[n,s,a]=i.range??[0,100,1],o=a>0?a:1,d=this.number(i)??n,u=J(i),h=this.busy(i.path),g=f=>this.write(t,i,Ye(d+f,n,s,o));return l`<div class="stepper" data-path=${i.path}>
      <button aria-label="${u}: ${r("device.decrease")}" ?disabled=${h||d<=n} @click=${()=>g(-o)}>−</button>
      <div class="beside"><div class="muted">${u}</div><div class="big value" data-value>${L(i,this.value(i))}</div></div>
      <button aria-label="${u}: ${r("device.increase")}" ?disabled=${h||d>=s} @click=${()=>g(o)}>+</button>
    </div>`}segments(t,i){const n=J(i),s=this.value(i),a=i.values??sa(i);return l`<div class="part" data-path=${i.path}><span>${n}</span>
      <div class="segments" role="group" aria-label=${n}>
        ${a.map(o=>l`<button aria-pressed=${o.value===s?"true":"false"} ?disabled=${this.busy(i.path)}
            @click=${()=>this.write(t,i,o.value)}>${L(i,o.value)}</button>`)}
      </div></div>`}slider(t,i,n,s){const[a,o,d]=i.range??[0,100,1],u=d>0?d:1,h=this.value(i)??this.value(s),g=J(i),f=Me(i.unit);return l`<div class="part" data-path=${i.path}>
      <div class="row"><label for="s-${i.path}">${g}</label><span class="value" data-value>${L(i,h)}</span></div>
      <input id="s-${i.path}" type="range" min=${a} max=${o} step=${u} .value=${Ft(String(typeof h=="number"?h:a))}
        aria-valuetext=${L(i,h)} ?disabled=${this.busy(i.path)}
        @change=${$=>this.write(t,i,Ye(Number($.target.value),a,o,u))} />
      <div class="ends muted"><span>${n?.[0]??`${a}${f}`}</span><span>${n?.[1]??`${o}${f}`}</span></div>
    </div>`}button(t,i,n,s=!1){return i?l`<button class=${s?"primary":""} data-action=${i.path} ?disabled=${this.busy(i.path)}
      @click=${()=>this.call(t,i)}>${n}</button>`:c}fact(t,i,n=""){return l`<div class="fact" data-fact=${n}><span class="muted">${t}</span><strong>${i}</strong></div>`}}pn([b({attribute:"device-id"})],ne.prototype,"deviceId");pn([b({attribute:!1})],ne.prototype,"kind");function sa(e){const[t,i,n]=e.range??[0,0,1],s=[];for(let a=t;a<=i&&s.length<10;a+=n>0?n:1)s.push({value:a,description:String(a)});return s}var aa=Object.defineProperty,ra=Object.getOwnPropertyDescriptor,mn=(e,t,i,n)=>{for(var s=n>1?void 0:n?ra(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&aa(t,i,s),s};let Zt=class extends ne{constructor(){super(...arguments),this.start=null,this.asked=-1}render(){const e=this.device,t=this.kind?.props;if(!e||!t)return c;const i=this.value(t.status),n=i!==void 0&&t.status?.values?.find(d=>d.value===i)?.description==="Charging",s=this.value(t.plugged),a=this.number(t.power),o=this.session();return this.frame(e,t.on,l`<p class="big" data-state>${r(n?"glance.charging":"kind.not_charging")}</p>
        ${t.status&&!n&&i!==void 0?l`<p class="muted">${L(t.status,i)}</p>`:c}
        <div class="facts">
          ${typeof s=="boolean"?this.fact(r("kind.plug"),r(s?"kind.plugged":"kind.unplugged"),"plug"):c}
          ${a!==null?this.fact(r("kind.power"),oa(a),"power"):c}
          ${o!==null?this.fact(r("kind.session"),`${v(o,1)} kWh`,"session"):c}
        </div>`)}session(){const e=this.kind?.props,t=e?.plugged?this.device?.state[e.plugged.path]:void 0,i=this.number(e?.meter);return!e?.meter||t?.value!==!0||t.last_changed===void 0||i===null?null:(this.asked!==t.last_changed&&(this.asked=t.last_changed,this.loadStart(e.meter.path,t.last_changed)),this.start&&this.start.since===t.last_changed?Math.max(0,i-this.start.kwh):null)}async loadStart(e,t){const i=`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(e)}?since=${Math.floor(t)}&buckets=1`,s=(await m.get(i).catch(()=>null))?.points.find(o=>o.value!==null),a=s?s.min??s.value:null;a!=null&&(this.start={since:t,kwh:a})}};mn([p()],Zt.prototype,"start",2);Zt=mn([w("orbit-charger-panel")],Zt);function oa(e){return e>=1e3?`${v(e/1e3,1)} kW`:`${v(e,0)} W`}var la=Object.getOwnPropertyDescriptor,ca=(e,t,i,n)=>{for(var s=n>1?void 0:n?la(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(s)||s);return s};let Ci=class extends ne{render(){const e=this.device,t=this.kind?.props;if(!e||!t?.target)return c;const i=t.on?this.value(t.on)!==!1:!0;return this.frame(e,t.on,l`${this.stepper(e,t.target)}
        <p class="beside muted" data-room>${this.room(e)}</p>
        ${i?c:l`<p class="beside muted">${r("kind.climate_off")}</p>`}
        ${t.mode?this.segments(e,t.mode):c}
        ${t.fan?this.segments(e,t.fan):c}`)}room(e){const t=this.kind?.props,i=this.number(t?.temperature),n=i===null&&e.room_id?y.all().find(d=>d.room_id===e.room_id&&re(d)!==null):void 0,s=i??(n?re(n):null);if(s===null)return"";const a=this.number(t?.humidity)??(n?ai(n):null),o=`${v(s,1)}°C${a!==null?` · ${v(a,0)}%`:""}`;return r("kind.room_now",{reading:o})}};Ci=ca([w("orbit-climate-panel")],Ci);var da=Object.getOwnPropertyDescriptor,ua=(e,t,i,n)=>{for(var s=n>1?void 0:n?da(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(s)||s);return s};const ha={open:/^open|up$/i,stop:/^(stop|pause)/i,close:/^clos|down$/i};let Ti=class extends ne{render(){const e=this.device,t=this.kind?.props;if(!e||!t)return c;const i=this.number(t.position??t.setPosition);return this.frame(e,void 0,l`<p class="big" data-state>${i===null?"–":this.words(i)}</p>
        ${this.moving(i)}
        ${t.motor?this.motor(e,t.motor):c}
        ${t.setPosition?this.slider(e,t.setPosition,[r("glance.closed"),r("glance.open")],t.position):c}`)}moving(e){const t=this.kind?.props,i=t?.position&&t.setPosition?this.number(t.setPosition):null;return i===null||e===null||Math.abs(i-e)<1?c:l`<p class="muted" data-moving>${r("kind.moving",{value:v(i,0)})}</p>`}words(e){return e<=0?r("glance.closed"):e>=100?r("kind.fully_open"):r("glance.position",{value:v(e,0)})}motor(e,t){const i=s=>t.values?.find(a=>ha[s].test(a.description))?.value,n=["open","stop","close"].map(s=>({word:s,value:i(s)}));return l`<div class="actions" role="group" aria-label=${r("kind.motor")}>
      ${n.map(({word:s,value:a})=>a===void 0?c:l`<button data-motor=${s} ?disabled=${this.busy(t.path)} @click=${()=>this.write(e,t,a)}>${r(`kind.${s}`)}</button>`)}
    </div>`}};Ti=ua([w("orbit-cover-panel")],Ti);const ut=e=>e.access.includes("write"),gn=e=>e.access.includes("read"),pa=/^(u?int\d+|float)$/;function fn(e){return e.services.flatMap(t=>t.properties.map(i=>({service:t.name,prop:i})))}function V(e,t,i=()=>!0){for(const n of t){const s=fn(e).find(a=>a.prop.name===n&&i(a));if(s)return s}}function De(e,t){const i=e.services.flatMap(n=>n.actions).filter(n=>n.in.length===0);for(const n of t){const s=i.find(a=>a.name===n);if(s)return s}}const C=(e,t)=>V(e,t,i=>gn(i.prop)&&!ut(i.prop))?.prop,ee=(e,t,i,n)=>V(e,[i],s=>s.service===t&&n(s.prop))?.prop,nt=e=>ut(e)&&e.format==="bool",Ue=e=>ut(e)&&pa.test(e.format)&&e.range!==null,st=e=>ut(e)&&(e.values?.length??0)>0;function ma(e){return V(e,["locked","arming-mode"])?null:ga(e)??fa(e)??va(e)??ba(e)??ya(e)??$a(e)??_a(e)}function ga(e){const t=V(e,["target-temperature"],i=>Ue(i.prop)&&!/^water/.test(i.service));return t?{name:"climate",props:{target:t.prop,on:ee(e,t.service,"on",nt),mode:ee(e,t.service,"mode",st),fan:V(e,["fan-level"],i=>st(i.prop)||Ue(i.prop))?.prop,temperature:C(e,["temperature"]),humidity:C(e,["relative-humidity"])},actions:{toggle:De(e,["toggle"])}}:null}function fa(e){const t=e.services.find(a=>a.name==="air-purifier"),i=C(e,["pm2.5-density"]),n=C(e,["filter-life-level"]),s=t?.name??V(e,["on"],a=>nt(a.prop))?.service;return s===void 0||!t&&!(i&&n)?null:{name:"purifier",props:{on:ee(e,s,"on",nt),mode:ee(e,s,"mode",st),fan:ee(e,s,"fan-level",a=>st(a)||Ue(a)),pm25:i,humidity:C(e,["relative-humidity"]),temperature:C(e,["temperature"]),filter:n,filterUsed:C(e,["filter-used-time"])},actions:{toggle:De(e,["toggle"])}}}function va(e){const t=e.services.find(n=>/^vacuum/.test(n.name)),i=De(e,["start-sweep","start-clean","start"]);return!t&&!i?null:{name:"vacuum",props:{status:V(e,["status"],n=>(n.prop.values?.length??0)>0&&(!t||n.service===t.name))?.prop,battery:C(e,["battery-level"]),area:C(e,["cleaned-area"])},actions:{start:i,pause:De(e,["pause-sweeping","stop-sweeping","pause","stop"]),dock:De(e,["return-to-dock","return-to-base","return-home"])}}}function ba(e){const t=V(e,["charging-state"],s=>gn(s.prop)),i=e.services.find(s=>/^charger/.test(s.name));if(!t&&!i)return null;const n=t?.service??i?.name??"";return{name:"charger",props:{status:t?.prop,on:ee(e,n,"on",nt),plugged:C(e,["plugged"]),power:C(e,["electric-power"]),meter:C(e,["power-consumption"])},actions:{}}}function ya(e){const t=C(e,["current-position"]),i=V(e,["target-position"],s=>Ue(s.prop))?.prop,n=V(e,["motor-control"],s=>st(s.prop))?.prop;return!t&&!i&&!n?null:{name:"cover",props:{position:t,setPosition:i,motor:n},actions:{}}}function $a(e){const t=e.services.find(i=>/^light/.test(i.name)&&i.properties.some(n=>n.name==="on"||n.name==="brightness"));return t?{name:"light",props:{on:ee(e,t.name,"on",nt),brightness:ee(e,t.name,"brightness",Ue),colour:ee(e,t.name,"color-temperature",Ue)},actions:{toggle:De(e,["toggle"])}}:null}function _a(e){if(fn(e).some(n=>ut(n.prop)))return null;const t={temperature:C(e,["temperature"]),humidity:C(e,["relative-humidity"]),pm25:C(e,["pm2.5-density"]),contact:C(e,["contact-state"]),motion:C(e,["motion-state"]),illumination:C(e,["illumination"]),battery:C(e,["battery-level"])};return Object.entries(t).filter(([n,s])=>s&&n!=="battery").length?{name:"sensor",props:t,actions:{}}:null}function wa(e){return[...Object.values(e.props).flatMap(t=>t?[t.path]:[]),...Object.values(e.actions).flatMap(t=>t?[t.path]:[])]}var ka=Object.getOwnPropertyDescriptor,xa=(e,t,i,n)=>{for(var s=n>1?void 0:n?ka(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(s)||s);return s};let Ii=class extends ne{render(){const e=this.device,t=this.kind?.props;if(!e||!t)return c;const i=t.on?this.value(t.on)===!0:null;return this.frame(e,t.on,l`<p class="big" data-state>${i===null?"":r(i?"glance.on":"glance.off")}</p>
        ${t.brightness?this.slider(e,t.brightness):c}
        ${t.colour?this.slider(e,t.colour,[r("kind.warm"),r("kind.cool")]):c}`)}};Ii=xa([w("orbit-light-panel")],Ii);var Sa=Object.getOwnPropertyDescriptor,Aa=(e,t,i,n)=>{for(var s=n>1?void 0:n?Sa(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(s)||s);return s};const Pa=10;let Di=class extends ne{render(){const e=this.device,t=this.kind?.props;if(!e||!t)return c;const i=t.on?this.value(t.on)!==!1:!0,n=this.number(t.pm25),s=this.number(t.humidity),a=this.number(t.temperature),o=this.number(t.filter),d=this.number(t.filterUsed);return this.frame(e,t.on,l`${n!==null?l`<div data-air><span class="muted">PM2.5</span>
              <p class="big">${v(n,0)} µg/m³</p>
              <p data-band>${r("kind.air_now",{band:r(St(n))})}</p></div>`:c}
        ${i?c:l`<p class="muted" data-off>${r("kind.purifier_off")}</p>`}
        ${o!==null&&o<=Pa?l`<p class="error" role="status" data-filter-low>${r("kind.filter_replace")}</p>`:c}
        ${t.mode?this.segments(e,t.mode):c}
        ${t.fan?this.segments(e,t.fan):c}
        <div class="facts">
          ${s!==null?this.fact(r("kind.humidity"),`${v(s,0)}%`,"humidity"):c}
          ${a!==null?this.fact(r("kind.temperature"),`${v(a,1)}°C`,"temperature"):c}
          ${o!==null?this.fact(r("kind.filter_life"),`${v(o,0)}%`,"filter"):c}
          ${d!==null&&t.filterUsed?this.fact(r("kind.filter_used"),Ea(t.filterUsed,d),"filter-used"):c}
        </div>`)}};Di=Aa([w("orbit-purifier-panel")],Di);function Ea(e,t){const i=e.unit==="hours"?"hour":e.unit==="days"?"day":null;return i?new Intl.NumberFormat(T(),{style:"unit",unit:i,unitDisplay:"long",maximumFractionDigits:0}).format(t):L(e,t)}var Oa=Object.defineProperty,Ca=Object.getOwnPropertyDescriptor,vn=(e,t,i,n)=>{for(var s=n>1?void 0:n?Ca(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Oa(t,i,s),s};const Ta=60,Li=3600,Vt=86400;let Gt=class extends ne{constructor(){super(...arguments),this.timer=0,this.lastMotion=null,this.lookedFor=void 0}connectedCallback(){super.connectedCallback(),this.timer=window.setInterval(()=>this.requestUpdate(),3e4)}disconnectedCallback(){super.disconnectedCallback(),window.clearInterval(this.timer)}render(){const e=this.device,t=this.kind?.props;if(!e||!t)return c;const i=[],n=this.number(t.temperature);n!==null&&i.push(this.fact(r("kind.temperature"),`${v(n,1)}°C`,"temperature"));const s=this.number(t.humidity);s!==null&&i.push(this.fact(r("kind.humidity"),`${v(s,0)}%`,"humidity"));const a=this.number(t.pm25);a!==null&&i.push(this.fact("PM2.5",`${v(a,0)} µg/m³ · ${r(St(a))}`,"pm25"));const o=this.value(t.contact);typeof o=="boolean"&&i.push(this.fact(r("kind.door"),r(o?"glance.closed":"glance.open"),"contact")),t.motion&&i.push(this.fact(r("kind.motion"),this.motion(),"motion"));const d=this.number(t.illumination);d!==null&&i.push(this.fact(r("kind.light_level"),`${v(d,0)} lx`,"illumination"));const u=this.number(t.battery);return this.frame(e,void 0,l`<div class="facts">${i}</div>
        ${u!==null?l`<p class="muted" data-battery>${r("glance.battery",{value:v(u,0)})}</p>`:c}`)}motion(){const e=this.kind?.props.motion?.path,t=e?this.device?.state[e]?.value:void 0;return e&&t!==this.lookedFor&&(this.lookedFor=t,this.findLastMotion(e)),t===!0?r("glance.motion"):this.lastMotion===null?r("kind.no_motion_day"):r("kind.last_motion",{ago:Ia(Je()-this.lastMotion)})}async findLastMotion(e){const t=Math.floor(Je()-Vt),i=`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(e)}?since=${t}`,n=(await m.get(i).catch(()=>null))?.points??[],s=n.map(a=>!!a.value).lastIndexOf(!0);this.lastMotion=s<0?null:n[s+1]?.time??Je()}};vn([p()],Gt.prototype,"lastMotion",2);Gt=vn([w("orbit-sensor-panel")],Gt);function Ia(e){const t=new Intl.RelativeTimeFormat(T(),{numeric:"auto",style:"short"}),i=Math.max(0,e);return i<Li?t.format(-Math.max(1,Math.round(i/Ta)),"minute"):i<Vt?t.format(-Math.round(i/Li),"hour"):t.format(-Math.round(i/Vt),"day")}var Da=Object.defineProperty,La=Object.getOwnPropertyDescriptor,ht=(e,t,i,n)=>{for(var s=n>1?void 0:n?La(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Da(t,i,s),s};let ke=class extends E{constructor(){super(...arguments),this.deviceId="",this.timeZone=void 0,this.quiet=!1,this.last=null,this.watchesDevices=!0}willUpdate(e){e.has("deviceId")&&this.load()}async load(){const e=await m.get(`/api/events?device_id=${encodeURIComponent(this.deviceId)}&limit=20`).catch(()=>[]);this.last=e.find(t=>t.kind==="command")??null}render(){const e=y.get(this.deviceId);if(!e)return c;const t=this.last?.payload??{};return l`<div data-status>
      ${this.quiet?c:l`<p class="headline" data-headline>${cn(e)}</p>`}
      ${this.last?l`<p class="muted" data-last>${r("device.last_command",{who:t.actor??r("activity.someone"),time:oe(this.last.time,this.timeZone)})}</p>`:c}
    </div>`}};ke.styles=[S,P`
      .headline {
        font-size: 1.4rem;
        font-weight: 600;
        margin: 0.2rem 0;
      }
    `];ht([b({attribute:"device-id"})],ke.prototype,"deviceId",2);ht([b({attribute:!1})],ke.prototype,"timeZone",2);ht([b({type:Boolean})],ke.prototype,"quiet",2);ht([p()],ke.prototype,"last",2);ke=ht([w("orbit-device-status")],ke);var za=Object.getOwnPropertyDescriptor,Ra=(e,t,i,n)=>{for(var s=n>1?void 0:n?za(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=o(s)||s);return s};let zi=class extends ne{render(){const e=this.device,t=this.kind;if(!e||!t)return c;const{props:i,actions:n}=t,s=this.number(i.battery),a=this.number(i.area);return this.frame(e,void 0,l`<p class="big" data-state>${i.status?L(i.status,this.value(i.status)):""}</p>
        <div class="facts">
          ${s!==null?this.fact(r("kind.battery"),`${v(s,0)}%`,"battery"):c}
          ${a!==null?this.fact(r("kind.cleaned"),`${v(a,1)} m²`,"area"):c}
        </div>
        <div class="actions">
          ${this.button(e,n.start,r("kind.start"),!0)}
          ${this.button(e,n.pause,r("kind.pause"))}
          ${this.button(e,n.dock,r("kind.dock"))}
        </div>`)}};zi=Ra([w("orbit-vacuum-panel")],zi);var Ma=Object.defineProperty,Na=Object.getOwnPropertyDescriptor,de=(e,t,i,n)=>{for(var s=n>1?void 0:n?Na(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Ma(t,i,s),s};const Ri="#1f6cc7";let G=class extends E{constructor(){super(...arguments),this.deviceId="",this.prop=null,this.label="",this.range=86400,this.timeZone="",this.history=null,this.error="",this.plot=null}willUpdate(e){(e.has("range")||e.has("prop")||e.has("deviceId"))&&this.load()}disconnectedCallback(){super.disconnectedCallback(),this.plot?.destroy(),this.plot=null}get path(){return this.prop?.path??""}get window(){const e=this.history?.now??Je();return[e-this.range,e]}async load(){if(!this.prop)return;const e=`since=${Math.floor(Je()-this.range-60)}&buckets=120`;try{const t=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${e}`);t.now!==void 0&&hn(t.now),this.history=t,this.error=""}catch(t){this.error=_(t)}}render(){const[e,t]=this.window,i=(this.history?.points??[]).filter(s=>s.time>=e),n=Me(this.prop?.unit);return l`<section class="card" data-chart=${this.path} data-window-start=${Math.round(e)} data-window-end=${Math.round(t)}>
      <h3>${this.label}${n?` (${n})`:""}</h3>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.history&&i.length===0?l`<p class="muted">${r("device.no_history")}</p>`:c}
      <div class="plot ${this.prop?.format==="bool"?"timeline":""}" role="img" aria-label=${this.label}></div>
    </section>`}async updated(){const e=this.prop,[t,i]=this.window,n=(this.history?.points??[]).filter(O=>O.value!==null&&O.time>=t),s=this.renderRoot.querySelector(".plot");if(this.plot?.destroy(),this.plot=null,!s||!e||n.length===0)return;const{default:a}=await Pt(async()=>{const{default:O}=await import("./uPlot.esm-CluHQUMV.js");return{default:O}},[]);await Pt(()=>import("./uPlot.min-Bqv6YAmf.js"),[]).then(O=>{if(!this.renderRoot.querySelector("style[data-uplot]")){const j=document.createElement("style");j.dataset.uplot="",j.textContent=O.default,this.renderRoot.appendChild(j)}});const o=e.format==="bool",d=O=>typeof O=="boolean"?Number(O):O,u=n.map(O=>O.time),h=n.map(O=>d(O.value));o&&h.length>0&&(u.push(i),h.push(h[h.length-1]));const g=[u,h],f=this.timeZone||void 0,$=this.range>86400,k=new Intl.DateTimeFormat(T(),$?{month:"short",day:"numeric",timeZone:f}:{hour:"2-digit",minute:"2-digit",timeZone:f}),I=o?[-.1,1.1]:e.unit==="percentage"&&e.range?[e.range[0],e.range[1]]:null;this.plot?.destroy(),this.plot=new a({width:Math.max(240,s.clientWidth||320),height:o?110:160,legend:{show:!1},scales:{x:{time:!0,range:[t,i]},...I?{y:{range:I}}:{}},series:[{},o?{label:this.label,stroke:Ri,width:2,fill:"rgba(31,108,199,0.15)",paths:a.paths.stepped?.({align:1})}:{label:this.label,stroke:Ri,width:2,fill:"rgba(31,108,199,0.12)"}],axes:[{stroke:"#667085",values:(O,j)=>j.map(Oe=>k.format(new Date(Oe*1e3)))},o?{stroke:"#667085",size:52,splits:()=>[0,1],values:(O,j)=>j.map(Oe=>r(Oe?"glance.on":"glance.off"))}:{stroke:"#667085",size:56}]},g,s)}};G.styles=[S,P`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];de([b({attribute:"device-id"})],G.prototype,"deviceId",2);de([b({attribute:!1})],G.prototype,"prop",2);de([b()],G.prototype,"label",2);de([b({type:Number})],G.prototype,"range",2);de([b({attribute:"time-zone"})],G.prototype,"timeZone",2);de([p()],G.prototype,"history",2);de([p()],G.prototype,"error",2);G=de([w("orbit-history-chart")],G);var Ua=Object.defineProperty,ja=Object.getOwnPropertyDescriptor,pt=(e,t,i,n)=>{for(var s=n>1?void 0:n?ja(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Ua(t,i,s),s};const Mi=[{key:"range.hour",seconds:3600},{key:"range.day",seconds:86400},{key:"range.week",seconds:7*86400},{key:"range.month",seconds:30*86400}],qa=new Set(["int8","int16","int32","uint8","uint16","uint32","float","bool"]);let xe=class extends E{constructor(){super(...arguments),this.deviceId="",this.spec=null,this.range=Mi[1].seconds,this.error="",this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=rn(()=>this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(e){e.has("deviceId")&&this.load()}async load(){try{const e=await m.get(`/api/devices/${encodeURIComponent(this.deviceId)}`);y.put([e]),this.spec=e.spec??null,this.error="",D.follow({devices:[e.id]})}catch(e){this.error=e.status===404?r("device.not_found"):_(e)}}get zone(){const e=y.get(this.deviceId);return e?tt("spaces")?.find(t=>t.id===e.space_id)?.timezone??"":""}pick(e){this.range=e}body(e){const t=this.deviceId,i=l`<orbit-device-status device-id=${t} .timeZone=${this.zone||void 0} ?quiet=${e!==null}></orbit-device-status>`;if(!e)return l`${i}<orbit-device-card device-id=${t} full></orbit-device-card>`;const n={climate:l`<orbit-climate-panel device-id=${t} .kind=${e}></orbit-climate-panel>`,purifier:l`<orbit-purifier-panel device-id=${t} .kind=${e}></orbit-purifier-panel>`,light:l`<orbit-light-panel device-id=${t} .kind=${e}></orbit-light-panel>`,cover:l`<orbit-cover-panel device-id=${t} .kind=${e}></orbit-cover-panel>`,sensor:l`<orbit-sensor-panel device-id=${t} .kind=${e}></orbit-sensor-panel>`,vacuum:l`<orbit-vacuum-panel device-id=${t} .kind=${e}></orbit-vacuum-panel>`,charger:l`<orbit-charger-panel device-id=${t} .kind=${e}></orbit-charger-panel>`}[e.name];return l`${n}${i}<orbit-device-card device-id=${t} full more .omit=${wa(e)}></orbit-device-card>`}render(){const e=y.get(this.deviceId),t=this.spec?this.spec.services.flatMap(n=>n.properties).filter(n=>Fa(n,e)):[],i=this.zone;return l`
      <div class="row between top">
        <a class="back" href="#/">‹ ${r("device.back")}</a>
        ${this.spec?l`<button class="star" data-favourite aria-pressed=${Si(this.deviceId)?"true":"false"}
              @click=${()=>ds(this.deviceId,!Si(this.deviceId))}>★ ${r("device.favourite")}</button>`:c}
      </div>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.spec?this.body(ma(this.spec)):c}
      ${t.length?l`<h2>${r("device.history")}</h2>
            <div class="chips" role="group" aria-label=${r("device.history")}>
              ${Mi.map(n=>l`<button aria-pressed=${this.range===n.seconds?"true":"false"}
                  @click=${()=>this.pick(n.seconds)}>${r(n.key)}</button>`)}
            </div>
            ${t.map(n=>l`<orbit-history-chart device-id=${this.deviceId} .prop=${n} label=${J(n)}
                time-zone=${i} .range=${this.range}></orbit-history-chart>`)}`:c}
    `}};xe.styles=[S,P`
      a.back {
        color: var(--accent);
        display: inline-block;
      }
      .top {
        margin-bottom: 0.5rem;
      }
      .star[aria-pressed='true'] {
        background: var(--warn);
        color: #000;
      }
    `];pt([b({attribute:"device-id"})],xe.prototype,"deviceId",2);pt([p()],xe.prototype,"spec",2);pt([p()],xe.prototype,"range",2);pt([p()],xe.prototype,"error",2);xe=pt([w("orbit-device-page")],xe);const Ha=new Set(["temperature","relative-humidity","pm2.5-density","electric-power","illumination","outside-temperature"]),Ba=new Set(["battery-level","range","speed"]);function Fa(e,t){return!e.access.includes("read")||!qa.has(e.format)||e.values?!1:t?.type==="vehicle"?Ba.has(e.name):e.format==="bool"?!0:Ha.has(e.name)&&!e.access.includes("write")}var Wa=Object.defineProperty,Za=Object.getOwnPropertyDescriptor,H=(e,t,i,n)=>{for(var s=n>1?void 0:n?Za(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Wa(t,i,s),s};const Va={day:"energy.day",week:"energy.week",month:"energy.month"},Ga=5;function ft(e,t){try{return e.toLocaleString(T(),{style:"currency",currency:t})}catch{return`${v(e,2)} ${t}`}}let R=class extends E{constructor(){super(...arguments),this.user=null,this.spaces=[],this.spaceId="",this.span="week",this.date="",this.energy=null,this.error="",this.unavailable=!1,this.price="",this.currency="CNY"}connectedCallback(){super.connectedCallback(),this.init()}async init(){try{this.spaces=(await m.get("/api/spaces")).filter(e=>e.kind!=="vehicle"),this.spaceId=this.spaces[0]?.id??"",await this.load()}catch(e){this.error=_(e)}}async load(){const e=new URLSearchParams({space_id:this.spaceId,span:this.span});this.date&&e.set("date",this.date);try{this.energy=await m.optional(`/api/energy?${e.toString()}`),this.unavailable=this.energy===null,this.error=""}catch(t){this.error=_(t)}}pick(e){"date"in e||(e.date=this.energy?.span?.current?"":this.energy?.span?.date??""),Object.assign(this,e),this.load()}async setTariff(e){e.preventDefault();const t=Number(this.price.replace(",",".")),i=this.spaces.find(n=>n.id===this.spaceId);try{await m.request("PUT",`/api/tariffs/${encodeURIComponent(this.spaceId)}`,{name:r("energy.flat_tariff"),timezone:i?.timezone??"UTC",currency:this.currency.trim().toUpperCase(),windows:[{start:"00:00",end:"24:00",price:t,name:"flat"}]}),this.price="",await this.load()}catch(n){this.error=_(n)}}render(){const e=this.energy,t=e?.span;return l`
      <h1>${r("energy.title")}</h1>
      ${this.spaces.length>1?l`<div class="chips">
            ${this.spaces.map(i=>l`<button aria-pressed=${i.id===this.spaceId?"true":"false"} @click=${()=>this.pick({spaceId:i.id})}>
                ${x(i.name,i.aliases)}</button>`)}
          </div>`:c}
      <div class="chips" role="group" aria-label=${r("energy.span")}>
        ${["day","week","month"].map(i=>l`<button aria-pressed=${i===this.span?"true":"false"} @click=${()=>this.pick({span:i})}>
            ${r(Va[i])}</button>`)}
      </div>
      <div class="row nav">
        <button data-energy-earlier aria-label=${r("energy.earlier")} ?disabled=${!t}
          @click=${()=>t&&this.pick({date:t.previous})}>‹</button>
        <span data-energy-range>${t?this.rangeLabel(t.span,t.date):""}</span>
        <button data-energy-later aria-label=${r("energy.later")} ?disabled=${!t?.next}
          @click=${()=>t?.next&&this.pick({date:t.next})}>›</button>
      </div>
      ${t&&!t.current?l`<div class="row"><button data-energy-today @click=${()=>this.pick({date:""})}>${r("energy.today")}</button></div>`:c}
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.unavailable?l`<p class="muted">${r("app.unavailable")}</p>`:c}
      ${e?this.body(e):c}
    `}body(e){const t=e.currency;return l`<section class="card" data-energy-summary>
        <div class="big" data-energy-total>${v(e.total,2)} ${e.unit}</div>
        ${e.cost!==null&&t?l`<div class="big" data-energy-cost>${ft(e.cost,t)}</div>
              ${e.tariff?l`<p class="muted" data-energy-tariff>${r("energy.priced_at",{tariff:e.tariff.name||e.tariff.currency})}</p>`:c}`:c}
      </section>
      ${e.no_tariff.length?this.noTariff():c} ${this.chart(e)}
      ${this.top(e)}
      ${this.rooms(e)}`}noTariff(){const e=this.user?.role==="owner"||this.user?.role==="adult";return l`<section class="card" data-no-tariff>
      <h2>${r("energy.no_tariff_title")}</h2>
      <p>${r("energy.no_tariff")}</p>
      ${e?l`<form @submit=${this.setTariff}>
            <label>${r("energy.price_per_kwh")}
              <input type="number" inputmode="decimal" min="0" max="1000" step="0.01" required name="price"
                .value=${this.price} @input=${t=>this.price=t.target.value} /></label>
            <label>${r("energy.currency")}
              <input type="text" required maxlength="3" name="currency" autocapitalize="characters"
                .value=${this.currency} @input=${t=>this.currency=t.target.value} /></label>
            <button class="primary" type="submit" data-set-tariff>${r("energy.set_tariff")}</button>
          </form>`:l`<p class="muted">${r("energy.no_tariff_ask")}</p>`}
    </section>`}rangeLabel(e,t){const i=new Date(`${t}T00:00:00Z`),n=o=>new Intl.DateTimeFormat(T(),{...o,timeZone:"UTC"});if(e==="day")return n({weekday:"short",month:"short",day:"numeric",year:"numeric"}).format(i);if(e==="month")return n({month:"long",year:"numeric"}).format(i);const s=new Date(i.getTime()+6*864e5),a=n({month:"short",day:"numeric"});return`${a.format(i)} – ${a.format(s)}`}timeZone(){return this.spaces.find(e=>e.id===this.spaceId)?.timezone??"UTC"}chart(e){const t=e.devices[0]?.series.map(h=>h.time)??[];if(t.length<2)return c;const i=t.map((h,g)=>e.devices.reduce((f,$)=>f+($.series[g]?.value??0),0)),n=t.map((h,g)=>e.devices.reduce((f,$)=>f+($.series[g]?.cost??0),0)),s=Math.max(1e-4,...i),a=e.period==="hour",o=new Intl.DateTimeFormat(T(),{...a?{hour:"2-digit",minute:"2-digit"}:{weekday:"short",month:"short",day:"numeric"},timeZone:this.timeZone()}),d=r(a?"energy.per_hour":"energy.per_day"),u=h=>`${o.format(new Date(t[h]*1e3))}: ${v(i[h],2)} ${e.unit}`+(e.currency&&e.cost!==null?` · ${ft(n[h],e.currency)}`:"");return l`<section class="card"><h2>${d}</h2>
      <div class="chart" role="img" aria-label=${d} data-energy-chart>
        ${i.map((h,g)=>l`<span style="height:${h/s*100}%" title=${u(g)}></span>`)}
      </div>
      <div class="row between muted"><span>${o.format(new Date(t[0]*1e3))}</span>
        <span>${o.format(new Date(t[t.length-1]*1e3))}</span></div>
    </section>`}top(e){const t=[...e.devices].filter(n=>n.total>0).sort((n,s)=>s.total-n.total),i=Math.max(1e-4,...t.map(n=>n.total));return l`<section class="card" data-energy-top><h2>${r("energy.top")}</h2>
      ${t.length===0?l`<p class="muted">${r("energy.nothing_used")}</p>`:c}
      <ul class="plain">
        ${t.slice(0,Ga).map(n=>l`<li data-consumer=${n.id}>
            <div class="row between"><strong>${x(n.name,y.get(n.id)?.aliases??[])}</strong>
              <span>${Math.round(n.share*100)}%</span></div>
            <div class="row between muted"><span>${v(n.total,2)} ${e.unit}</span>
              <span data-consumer-cost>${n.cost!==null&&e.tariff?ft(n.cost,e.tariff.currency):""}</span></div>
            <div class="bar" style="width:${n.total/i*100}%"></div></li>`)}
      </ul></section>`}rooms(e){const t=[...e.rooms].sort((n,s)=>s.total-n.total),i=n=>this.spaces.flatMap(s=>s.rooms).find(s=>s.id===n)?.aliases??[];return l`<section class="card"><h2>${r("energy.by_room")}</h2>
      ${t.length===0?l`<p class="muted">${r("app.none")}</p>`:c}
      <ul class="plain">
        ${t.map(n=>l`<li><div class="row between"><span>${x(n.name,i(n.id))}</span>
            <span>${v(n.total,2)} ${e.unit}${n.cost!==null&&e.tariff?` · ${ft(n.cost,e.tariff.currency)}`:""}</span></div></li>`)}
      </ul></section>`}};R.styles=[S,P`
      .chart {
        display: flex;
        align-items: flex-end;
        gap: 2px;
        height: 120px;
        margin: 0.5rem 0 0.25rem;
      }
      .chart span {
        flex: 1;
        background: var(--accent);
        border-radius: 3px 3px 0 0;
        min-height: 1px;
      }
      .nav {
        justify-content: space-between;
      }
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
      .big {
        font-size: 1.6rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
    `];H([b({attribute:!1})],R.prototype,"user",2);H([p()],R.prototype,"spaces",2);H([p()],R.prototype,"spaceId",2);H([p()],R.prototype,"span",2);H([p()],R.prototype,"date",2);H([p()],R.prototype,"energy",2);H([p()],R.prototype,"error",2);H([p()],R.prototype,"unavailable",2);H([p()],R.prototype,"price",2);H([p()],R.prototype,"currency",2);R=H([w("orbit-energy")],R);var Ka=Object.defineProperty,Ya=Object.getOwnPropertyDescriptor,mt=(e,t,i,n)=>{for(var s=n>1?void 0:n?Ya(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Ka(t,i,s),s};let Se=class extends E{constructor(){super(...arguments),this.watchesDevices=!0,this.tab="events",this.events=null,this.audit=null,this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.tab==="events"?(this.events=await m.optional("/api/events?limit=100")??[],await this.learnDevices(this.events)):this.audit=await m.optional("/api/audit?limit=100")??[],this.error=""}catch(e){this.error=_(e)}}async learnDevices(e){e.some(i=>i.device_id&&!y.get(i.device_id))&&y.put(await m.get("/api/devices"));const t=new Set(e.filter(i=>i.kind==="command"&&i.device_id).map(i=>i.device_id??""));await Promise.all([...t].map(i=>y.spec(i)))}render(){const e=this.tab==="events"?(this.events??[]).map(t=>({time:t.time,text:Ja(t)})):(this.audit??[]).map(t=>({time:t.time,text:`${t.actor} · ${t.action} · ${t.target}`}));return l`
      <h1>${r("activity.title")}</h1>
      <div class="chips" role="group">
        ${["events","audit"].map(t=>l`<button aria-pressed=${t===this.tab?"true":"false"}
            @click=${()=>{this.tab=t,this.load()}}>${r(t==="events"?"activity.events":"activity.audit")}</button>`)}
      </div>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      <section class="card">
        ${e.length===0?l`<p class="muted">${r("app.none")}</p>`:c}
        <ul class="plain">
          ${e.map(t=>l`<li><div class="muted">${oe(t.time)}</div><div>${t.text}</div></li>`)}
        </ul>
      </section>
    `}};Se.styles=[S];mt([p()],Se.prototype,"tab",2);mt([p()],Se.prototype,"events",2);mt([p()],Se.prototype,"audit",2);mt([p()],Se.prototype,"error",2);Se=mt([w("orbit-activity")],Se);function Ja(e){const t=e.payload??{},i=tr(e.device_id??""),n=e.space_id??"";switch(e.kind){case"online":return r(t.online===!1?"activity.offline":"activity.online",{device:i});case"command":{const s=typeof t.actor=="string"&&t.actor?t.actor:r("activity.someone"),a=Xa(e.device_id,e.path),o=a?J(a):Re(We(e.path),We(e.path)),d=t.arguments??{},u=We(e.path);if(t.command==="set"&&u in d){const h=d[u],g=a&&er(h)?Qa(a,h):JSON.stringify(h);return r("activity.command",{actor:s,device:i,property:o,value:g})}return r("activity.command_call",{actor:s,device:i,property:o})}case"zone":return r(t.entered?"activity.zone_enter":"activity.zone_leave",{device:i,space:n});case"presence":return r(t.present?"activity.arrived":"activity.left",{person:e.path??"",space:n});case"automation":return r("activity.automation",{id:e.path??"",outcome:[t.outcome,t.message].filter(Boolean).join(" · ")});case"event":return r("activity.event",{device:i,event:Re(We(e.path),We(e.path))});default:return typeof e.message=="string"&&e.message?e.message:[e.kind??e.type,i,e.path].filter(Boolean).join(" · ")}}function Xa(e,t){const i=e?y.get(e)?.spec:void 0;if(!i||!t)return null;for(const n of i.services){const s=n.properties.find(a=>a.path===t);if(s)return s}return null}function Qa(e,t){return typeof t=="boolean"?r(t?"activity.on":"activity.off"):L(e,t)}function er(e){return["boolean","number","string"].includes(typeof e)}function tr(e){const t=y.get(e);return t?x(t.name,t.aliases):e}function We(e){return(e??"").split(".").pop()??""}const ri=["mon","tue","wed","thu","fri","sat","sun"],ir=new Set(["id","name","triggers","conditions","actions"]);function at(e){return typeof e=="object"&&e!==null&&!Array.isArray(e)}function fe(e,t){return Object.keys(e).every(i=>t.includes(i))}function oi(e){return typeof e=="string"||typeof e=="number"||typeof e=="boolean"}function nr(e){return at(e)?e.type==="property"&&fe(e,["type","device","path","to"])&&typeof e.device=="string"&&typeof e.path=="string"&&oi(e.to)?{kind:"property",device:e.device,path:e.path,to:String(e.to)}:e.type==="time"&&fe(e,["type","at"])&&typeof e.at=="string"?{kind:"time",at:e.at.slice(0,5)}:e.type==="sun"&&fe(e,["type","event","offset"])&&(e.event==="sunrise"||e.event==="sunset")&&(e.offset===void 0||typeof e.offset=="number")?{kind:"sun",event:e.event,offset:Math.round((e.offset??0)/60)}:null:null}function sr(e){return at(e)?e.type==="property"&&fe(e,["type","device","path","state"])&&typeof e.device=="string"&&typeof e.path=="string"&&oi(e.state)?{kind:"property",device:e.device,path:e.path,state:String(e.state)}:e.type==="time"&&fe(e,["type","after","before"])&&typeof e.after=="string"&&typeof e.before=="string"?{kind:"time",after:e.after.slice(0,5),before:e.before.slice(0,5)}:e.type==="weekday"&&fe(e,["type","days"])&&Array.isArray(e.days)&&e.days.every(t=>ri.includes(t))?{kind:"weekday",days:e.days}:null:null}function ar(e){return!at(e)||e.type!=="set"||!fe(e,["type","device","path","value"])||typeof e.device!="string"||typeof e.path!="string"||!oi(e.value)?null:{device:e.device,path:e.path,value:String(e.value)}}function rr(e){const t=e.triggers,i=e.conditions??[],n=e.actions;if(!Array.isArray(t)||t.length!==1||!Array.isArray(i)||i.length>1||!Array.isArray(n)||n.length===0)return null;const s=nr(t[0]),a=i.length?sr(i[0]):{kind:"none"},o=n.map(ar);if(!s||!a||o.some(u=>u===null))return null;const d=Object.fromEntries(Object.entries(e).filter(([u])=>!ir.has(u)));return{id:String(e.id??""),name:String(e.name??""),trigger:s,condition:a,actions:o,rest:d}}function Rt(e){const t=e.trim();return t==="true"?!0:t==="false"?!1:t!==""&&!Number.isNaN(Number(t))?Number(t):e}function or(e){return e.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g,"-").replace(/^-+|-+$/g,"")||`automation-${Math.floor(Date.now()/1e3).toString(36)}`}function Ni(e){const t=e.trigger,i=t.kind==="property"?{type:"property",device:t.device,path:t.path,to:Rt(t.to)}:t.kind==="time"?{type:"time",at:t.at}:{type:"sun",event:t.event,offset:t.offset*60},n=e.condition,s=n.kind==="property"?[{type:"property",device:n.device,path:n.path,state:Rt(n.state)}]:n.kind==="time"?[{type:"time",after:n.after,before:n.before}]:n.kind==="weekday"?[{type:"weekday",days:ri.filter(a=>n.days.includes(a))}]:[];return{id:e.id||or(e.name),...e.name?{name:e.name}:{},...e.rest,triggers:[i],...s.length?{conditions:s}:{},actions:e.actions.map(a=>({type:"set",device:a.device,path:a.path,value:Rt(a.value)}))}}const lr=/^[A-Za-z_][A-Za-z0-9_.-]*$/,cr=/^(true|false|yes|no|on|off|null|y|n|~)$/i;function Ui(e){return typeof e=="string"?lr.test(e)&&!cr.test(e)?e:JSON.stringify(e):e==null?"null":String(e)}function yt(e,t){if(Array.isArray(e))return e.length===0?[`${t}[]`]:e.flatMap(i=>{const n=yt(i,`${t}  `);return[`${t}- ${n[0].trimStart()}`,...n.slice(1)]});if(at(e)){const i=Object.entries(e);return i.length===0?[`${t}{}`]:i.flatMap(([n,s])=>{const a=Ui(n);return Array.isArray(s)&&s.length||at(s)&&Object.keys(s).length?[`${t}${a}:`,...yt(s,`${t}  `)]:[`${t}${a}: ${yt(s,"")[0]}`]})}return[`${t}${Ui(e)}`]}function ji(e){return`${yt(e,"").join(`
`)}
`}var dr=Object.defineProperty,ur=Object.getOwnPropertyDescriptor,bn=(e,t,i,n)=>{for(var s=n>1?void 0:n?ur(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&dr(t,i,s),s};let Et=class extends E{constructor(){super(...arguments),this.watchesDevices=!0}change(e){this.value={...this.value,...e},this.dispatchEvent(new CustomEvent("change",{detail:this.value}))}render(){const e=this.value;return l`
      <label>${r("editor.name")}<input type="text" name="name" .value=${e.name} @input=${t=>this.change({name:z(t)})} /></label>
      <fieldset data-trigger><legend>${r("editor.when")}</legend>${this.trigger(e.trigger)}</fieldset>
      <fieldset data-condition><legend>${r("editor.only_if")}</legend>${this.condition(e.condition)}</fieldset>
      <fieldset data-actions><legend>${r("editor.then")}</legend>
        ${e.actions.map((t,i)=>this.action(t,i))}
        <button type="button" @click=${()=>this.change({actions:[...e.actions,{device:"",path:"",value:""}]})}>${r("editor.add_action")}</button>
      </fieldset>
    `}trigger(e){const t=i=>{const n={property:{kind:"property",device:"",path:"",to:""},time:{kind:"time",at:"07:00"},sun:{kind:"sun",event:"sunset",offset:0}};this.change({trigger:n[i]})};return l`<label>${r("editor.trigger_kind")}
        <select name="trigger-kind" .value=${e.kind} @change=${i=>t(z(i))}>
          <option value="property" ?selected=${e.kind==="property"}>${r("editor.kind_state")}</option>
          <option value="time" ?selected=${e.kind==="time"}>${r("editor.kind_time")}</option>
          <option value="sun" ?selected=${e.kind==="sun"}>${r("editor.kind_sun")}</option>
        </select></label>
      ${e.kind==="property"?this.devicePath(e.device,e.path,(i,n)=>this.change({trigger:{...e,device:i,path:n}}),"trigger",l`<label>${r("editor.becomes")}<input type="text" name="trigger-to" .value=${e.to} @input=${i=>this.change({trigger:{...e,to:z(i)}})} /></label>`):c}
      ${e.kind==="time"?l`<label>${r("editor.at")}<input type="time" name="trigger-at" .value=${e.at} @input=${i=>this.change({trigger:{...e,at:z(i)}})} /></label>`:c}
      ${e.kind==="sun"?l`<div class="pair">
            <label>${r("editor.sun_event")}<select name="trigger-sun" @change=${i=>this.change({trigger:{...e,event:z(i)}})}>
              <option value="sunrise" ?selected=${e.event==="sunrise"}>${r("editor.sunrise")}</option>
              <option value="sunset" ?selected=${e.event==="sunset"}>${r("editor.sunset")}</option></select></label>
            <label>${r("editor.offset_minutes")}<input type="number" name="trigger-offset" step="1" min="-720" max="720" .value=${String(e.offset)}
              @input=${i=>this.change({trigger:{...e,offset:Number(z(i))||0}})} /></label></div>`:c}`}condition(e){const t=i=>{const n={none:{kind:"none"},property:{kind:"property",device:"",path:"",state:""},time:{kind:"time",after:"07:00",before:"22:00"},weekday:{kind:"weekday",days:["mon","tue","wed","thu","fri"]}};this.change({condition:n[i]})};return l`<label>${r("editor.condition_kind")}
        <select name="condition-kind" @change=${i=>t(z(i))}>
          <option value="none" ?selected=${e.kind==="none"}>${r("editor.always")}</option>
          <option value="property" ?selected=${e.kind==="property"}>${r("editor.kind_state")}</option>
          <option value="time" ?selected=${e.kind==="time"}>${r("editor.kind_window")}</option>
          <option value="weekday" ?selected=${e.kind==="weekday"}>${r("editor.kind_days")}</option>
        </select></label>
      ${e.kind==="weekday"?this.days(e.days,i=>this.change({condition:{kind:"weekday",days:i}})):c}
      ${e.kind==="property"?this.devicePath(e.device,e.path,(i,n)=>this.change({condition:{...e,device:i,path:n}}),"condition",l`<label>${r("editor.is")}<input type="text" name="condition-state" .value=${e.state} @input=${i=>this.change({condition:{...e,state:z(i)}})} /></label>`):c}
      ${e.kind==="time"?l`<div class="pair">
            <label>${r("editor.after")}<input type="time" name="condition-after" .value=${e.after} @input=${i=>this.change({condition:{...e,after:z(i)}})} /></label>
            <label>${r("editor.before")}<input type="time" name="condition-before" .value=${e.before} @input=${i=>this.change({condition:{...e,before:z(i)}})} /></label></div>`:c}`}days(e,t){const i=n=>new Date(Date.UTC(2021,2,1+n)).toLocaleDateString(T(),{weekday:"short",timeZone:"UTC"});return l`<div class="chips" role="group" aria-label=${r("editor.kind_days")}>
      ${ri.map((n,s)=>l`<button type="button" data-day=${n} aria-pressed=${e.includes(n)?"true":"false"}
          @click=${()=>t(e.includes(n)?e.filter(a=>a!==n):[...e,n])}>${i(s)}</button>`)}
    </div>`}action(e,t){const i=n=>this.change({actions:this.value.actions.map((s,a)=>a===t?{...s,...n}:s)});return l`<div data-action=${t}>
      ${this.devicePath(e.device,e.path,(n,s)=>i({device:n,path:s}),`action-${t}`,l`<label>${r("editor.to_value")}<input type="text" name="action-${t}-value" .value=${e.value} @input=${n=>i({value:z(n)})} /></label>`)}
      ${this.value.actions.length>1?l`<button type="button" @click=${()=>this.change({actions:this.value.actions.filter((n,s)=>s!==t)})}>${r("editor.remove_action")}</button>`:c}
    </div>`}devicePath(e,t,i,n,s){const a=y.get(e),o=a?Object.keys(a.state):[];return l`<div class="pair">
        <label>${r("editor.device")}<select name="${n}-device" @change=${d=>i(z(d),"")}>
          <option value="" ?selected=${!e}>—</option>
          ${y.all().map(d=>l`<option value=${d.id} ?selected=${d.id===e}>${x(d.name,d.aliases)}</option>`)}
          ${e&&!a?l`<option value=${e} selected>${e}</option>`:c}
        </select></label>
        <label>${r("editor.property")}<select name="${n}-path" @change=${d=>i(e,z(d))}>
          <option value="" ?selected=${!t}>—</option>
          ${o.map(d=>l`<option value=${d} ?selected=${d===t}>${d}</option>`)}
          ${t&&!o.includes(t)?l`<option value=${t} selected>${t}</option>`:c}
        </select></label>
      </div>
      ${s}`}};Et.styles=[S,P`
      fieldset {
        min-width: 0;
        border: 1px solid var(--line);
        border-radius: 10px;
        margin: 0.5rem 0;
        padding: 0.25rem 0.75rem 0.5rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      input[type='time'],
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
      .chips {
        flex-wrap: wrap;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
    `];bn([b({attribute:!1})],Et.prototype,"value",2);Et=bn([w("orbit-automation-form")],Et);function z(e){return e.target.value}var hr=Object.defineProperty,pr=Object.getOwnPropertyDescriptor,B=(e,t,i,n)=>{for(var s=n>1?void 0:n?pr(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&hr(t,i,s),s};const qi={indentation:"editor.yaml_indentation",unclosed:"editor.yaml_unclosed",tab:"editor.yaml_tab"};let M=class extends E{constructor(){super(...arguments),this.doc={},this.heading="",this.method="POST",this.path="/api/automations",this.mode="form",this.form=null,this.text="",this.shown="",this.problems=[],this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),this.form=rr(this.doc),this.mode=this.form?"form":"yaml",this.text=this.shown=ji(this.doc),y.all().length===0&&m.get("/api/devices").then(e=>y.put(e),()=>{})}toYamlMode(){this.form&&(this.text=this.shown=ji(Ni(this.form))),this.mode="yaml"}get formAvailable(){return this.form!==null&&(this.mode==="form"||this.text===this.shown)}async save(){this.busy=!0,this.problems=[],this.error="";try{const e=this.mode==="form"&&this.form?Ni(this.form):new Ut(this.text),t=await m.request(this.method,this.path,e);this.dispatchEvent(new CustomEvent("saved",{detail:t,bubbles:!0,composed:!0}))}catch(e){this.error=_(e),e instanceof Q&&(this.problems=mr(e.detail))}finally{this.busy=!1}}render(){return l`<section class="card" data-editor>
      ${this.heading?l`<h2>${this.heading}</h2>`:c}
      <div class="tabs" role="group" aria-label=${r("editor.how")}>
        <button type="button" data-mode="form" aria-pressed=${this.mode==="form"?"true":"false"} ?disabled=${!this.formAvailable}
          @click=${()=>this.mode="form"}>${r("editor.form")}</button>
        <button type="button" data-mode="yaml" aria-pressed=${this.mode==="yaml"?"true":"false"} @click=${()=>this.toYamlMode()}>YAML</button>
      </div>
      ${this.form?c:l`<p class="muted">${r("editor.yaml_only")}</p>`}
      ${this.mode==="form"&&this.form?l`<orbit-automation-form .value=${this.form} @change=${e=>this.form=e.detail}></orbit-automation-form>`:this.yaml()}
      ${this.error&&!this.problems.length?l`<p class="error" role="alert" data-editor-error>${this.error}</p>`:c}
      ${this.problems.length?l`<div role="alert"><ul class="problems" data-problems>
            ${this.problems.map(e=>l`<li data-problem-line=${e.line??""}>${e.line?`${r("editor.line",{line:e.line})}: `:""}${e.path!=="-"?`${e.path}: `:""}${e.kind&&qi[e.kind]?r(qi[e.kind]):e.message}</li>`)}
          </ul></div>`:c}
      <div class="row">
        <button class="primary" type="button" data-save ?disabled=${this.busy} @click=${()=>this.save()}>${r("app.save")}</button>
        <button type="button" data-cancel @click=${()=>this.dispatchEvent(new Event("cancel",{bubbles:!0,composed:!0}))}>${r("app.cancel")}</button>
      </div>
    </section>`}yaml(){const e=new Set(this.problems.map(i=>i.line).filter(i=>typeof i=="number")),t=Math.max(1,this.text.split(`
`).length);return l`<div class="code">
      <div class="gutter" aria-hidden="true" data-gutter>
        ${Array.from({length:t},(i,n)=>l`<div class=${e.has(n+1)?"bad":""} data-line=${n+1}>${n+1}</div>`)}
      </div>
      <textarea spellcheck="false" autocapitalize="off" aria-label=${r("editor.yaml_label")} data-yaml .value=${this.text}
        @input=${i=>this.text=i.target.value}
        @scroll=${i=>this.syncGutter(i)}></textarea>
    </div>`}syncGutter(e){const t=this.renderRoot.querySelector("[data-gutter]");t&&(t.scrollTop=e.target.scrollTop)}};M.styles=[S,P`
      .tabs {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.5rem;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .code {
        display: flex;
        border: 1px solid var(--line);
        border-radius: 10px;
        overflow: hidden;
        background: var(--bg);
      }
      .gutter {
        padding: 0.5rem 0.4rem;
        text-align: right;
        color: var(--muted);
        user-select: none;
        overflow: hidden;
      }
      .gutter div.bad {
        color: #fff;
        background: var(--danger);
        border-radius: 4px;
      }
      .gutter,
      textarea {
        font: 0.9rem/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
      textarea {
        flex: 1;
        min-height: 16rem;
        border: 0;
        padding: 0.5rem;
        resize: vertical;
        background: transparent;
        color: inherit;
        white-space: pre;
        overflow: auto;
      }
      .problems li {
        color: var(--danger);
      }
    `];B([b({attribute:!1})],M.prototype,"doc",2);B([b()],M.prototype,"heading",2);B([b()],M.prototype,"method",2);B([b()],M.prototype,"path",2);B([p()],M.prototype,"mode",2);B([p()],M.prototype,"form",2);B([p()],M.prototype,"text",2);B([p()],M.prototype,"problems",2);B([p()],M.prototype,"error",2);B([p()],M.prototype,"busy",2);M=B([w("orbit-automation-editor")],M);function mr(e){if(!e||typeof e!="object")return[];const t=e.errors;return Array.isArray(t)?t.filter(i=>!!i&&typeof i=="object").map(i=>({path:String(i.path??"-"),message:String(i.message??""),line:typeof i.line=="number"?i.line:void 0,kind:typeof i.kind=="string"?i.kind:void 0})):[]}var gr=Object.defineProperty,fr=Object.getOwnPropertyDescriptor,ue=(e,t,i,n)=>{for(var s=n>1?void 0:n?fr(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&gr(t,i,s),s};let K=class extends E{constructor(){super(...arguments),this.user=null,this.notifications=null,this.alerts=null,this.suggestions=null,this.error="",this.reviewing=null,this.note="",this.onLive=e=>{const t=e.detail;if(t.type!=="notification")return;const i=t,n=typeof i.id=="number"||typeof i.id=="string"?i.id:`live-${Date.now()}`,s={id:n,time:typeof i.time=="number"?i.time:Date.now()/1e3,title:String(i.title??""),message:String(i.message??""),severity:typeof i.severity=="string"?i.severity:void 0,read:!1},a=new Set([String(n),...Array.isArray(i.replaces)?i.replaces.map(String):[]]);this.notifications=[s,...(this.notifications??[]).filter(o=>!a.has(String(o.id)))]}}connectedCallback(){super.connectedCallback(),D.addEventListener("message",this.onLive),this.load()}disconnectedCallback(){super.disconnectedCallback(),D.removeEventListener("message",this.onLive)}async load(){const e=s=>s.catch(a=>(this.error=_(a),null)),[t,i,n]=await Promise.all([e(m.optional("/api/notifications")),e(m.optional("/api/alerts")),e(m.optional("/api/suggestions"))]);this.notifications=t??this.notifications,this.alerts=i,this.suggestions=n}async act(e){try{await m.request("POST",e),await this.load()}catch(t){this.error=_(t)}}get decides(){return this.user===null||this.user.role==="owner"||this.user.role==="adult"}async accepted(){const e=this.reviewing?Ze(this.reviewing.title_en,this.reviewing.title_zh):"";this.reviewing=null,this.note=r("insights.accepted",{name:e}),await this.load()}render(){const e=this.reviewing;if(e){const t=e.document?.automations?.[0]??{};return l`<h1>${r("insights.review")}</h1>
        <p>${Ze(e.explanation_en,e.explanation_zh)}</p>
        <orbit-automation-editor .doc=${t} path=${`/api/suggestions/${encodeURIComponent(e.id)}/accept`}
          heading=${Ze(e.title_en,e.title_zh)||e.id}
          @saved=${()=>this.accepted()} @cancel=${()=>this.reviewing=null}></orbit-automation-editor>`}return l`
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.note?l`<p role="status" data-inbox-note>${this.note} <a href="#/automations">${r("automations.title")}</a></p>`:c}
      <h1>${r("notifications.title")}</h1>
      <section class="card" data-section="notifications">
        ${this.notifications?.length?c:l`<p class="muted">${r("app.none")}</p>`}
        <ul class="plain">
          ${(this.notifications??[]).map(t=>l`<li data-notification=${String(t.id)}>
              <div class="row between"><strong>${t.title}</strong><span class="muted">${oe(t.time)}</span></div>
              <div>${t.message}</div>
              ${t.read===!1&&!String(t.id).startsWith("live-")?l`<button @click=${()=>this.act(`/api/notifications/${encodeURIComponent(String(t.id))}/read`)}>
                    ${r("notifications.mark_read")}</button>`:c}
            </li>`)}
        </ul>
      </section>
      ${this.alerts?this.insights(r("insights.alerts"),this.alerts,"alerts",["dismiss"]):c}
      ${this.suggestions?this.insights(r("insights.suggestions"),this.suggestions,"suggestions",["accept","reject"]):c}
    `}insights(e,t,i,n){return l`<h2>${e}</h2>
      <section class="card" data-section=${i}>
        ${t.length===0?l`<p class="muted">${r("app.none")}</p>`:c}
        <ul class="plain">
          ${t.map(s=>l`<li>
              <strong>${Ze(s.title_en,s.title_zh)||s.id}</strong>
              <div>${Ze(s.explanation_en??s.message_en,s.explanation_zh??s.message_zh)}</div>
              <div class="row">
                ${(this.decides?n:[]).map(a=>a==="accept"&&s.document?l`<button class="primary" data-review @click=${()=>(this.reviewing=s,this.note="")}>${r("insights.review_accept")}</button>`:l`<button @click=${()=>this.act(`/api/${i}/${encodeURIComponent(s.id)}/${a}`)}>${r(`insights.${a}`)}</button>`)}
              </div>
            </li>`)}
        </ul>
      </section>`}};K.styles=[S];ue([b({attribute:!1})],K.prototype,"user",2);ue([p()],K.prototype,"notifications",2);ue([p()],K.prototype,"alerts",2);ue([p()],K.prototype,"suggestions",2);ue([p()],K.prototype,"error",2);ue([p()],K.prototype,"reviewing",2);ue([p()],K.prototype,"note",2);K=ue([w("orbit-inbox")],K);function Ze(e,t){return(Qi()==="zh"?t||e:e||t)??""}var vr=Object.defineProperty,br=Object.getOwnPropertyDescriptor,se=(e,t,i,n)=>{for(var s=n>1?void 0:n?br(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&vr(t,i,s),s};const yr={id:"",name:"",triggers:[{type:"time",at:"07:00"}],actions:[{type:"set",device:"",path:"",value:""}]};let q=class extends E{constructor(){super(...arguments),this.automations=null,this.unavailable=!1,this.why={},this.error="",this.busy="",this.notes={},this.editing=null,this.deleting=null}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{const e=await m.optional("/api/automations");this.automations=e??[],this.unavailable=e===null}catch(e){this.error=_(e)}}async saved(){this.editing=null,await this.load()}async deleteAutomation(e){this.deleting=null,await this.act(e,async()=>(await m.request("DELETE",`/api/automations/${encodeURIComponent(e.id)}`),this.automations=(this.automations??[]).filter(t=>t.id!==e.id),""))}async explain(e){try{const t=encodeURIComponent(T()),i=await m.get(`/api/automations/${encodeURIComponent(e)}/why?lang=${t}`);this.why={...this.why,[e]:Kt(i)}}catch(t){this.why={...this.why,[e]:_(t)}}}async setEnabled(e,t){await this.act(e,async()=>{const i=await m.request("POST",`/api/automations/${encodeURIComponent(e.id)}/${t?"enable":"disable"}`);return this.automations=(this.automations??[]).map(n=>n.id===e.id?{...n,...i}:n),""})}async run(e){await this.act(e,async()=>{const t=await m.request("POST",`/api/automations/${encodeURIComponent(e.id)}/run?lang=${encodeURIComponent(T())}`);return t.started?r("automations.started"):r("automations.not_started",{reason:t.reason??""})})}async act(e,t){this.busy=e.id;try{this.notes={...this.notes,[e.id]:await t()}}catch(i){this.notes={...this.notes,[e.id]:_(i)}}finally{this.busy=""}}render(){if(this.editing!==null){const e=(this.automations??[]).find(t=>t.id===this.editing);return l`<h1>${e?r("editor.edit_title",{name:e.name||e.id}):r("editor.new_title")}</h1>
        <orbit-automation-editor .doc=${e?.document??yr} method=${e?"PUT":"POST"}
          path=${e?`/api/automations/${encodeURIComponent(e.id)}`:"/api/automations"}
          @saved=${()=>this.saved()} @cancel=${()=>this.editing=null}></orbit-automation-editor>`}return l`
      <div class="row between"><h1>${r("automations.title")}</h1>
        ${this.unavailable?c:l`<button class="primary" data-new-automation @click=${()=>this.editing=""}>${r("editor.new")}</button>`}</div>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.unavailable?l`<p class="muted">${r("app.unavailable")}</p>`:c}
      ${this.automations?.length===0&&!this.unavailable?l`<p class="muted">${r("app.none")}</p>`:c}
      ${(this.automations??[]).map(e=>l`<section class="card" data-automation=${e.id}>
          <div class="row between"><strong>${e.name??e.id}</strong>
            <button role="switch" aria-checked=${e.enabled===!1?"false":"true"} aria-label=${e.name??e.id}
              ?disabled=${this.busy===e.id} @click=${()=>this.setEnabled(e,e.enabled===!1)}></button></div>
          <p class="muted">${e.enabled===!1?`${r("automations.disabled")} · `:""}${$r(e)}</p>
          <div class="buttons">
            <button ?disabled=${this.busy===e.id||e.enabled===!1} @click=${()=>this.run(e)}>${r("automations.run")}</button>
            <button @click=${()=>this.explain(e.id)}>${r("automations.why")}</button>
            ${e.editable===!1?c:l`<button data-edit @click=${()=>this.editing=e.id}>${r("editor.edit")}</button>
                  <button data-delete @click=${()=>this.deleting=e.id}>${r("editor.delete")}</button>`}
          </div>
          ${this.deleting===e.id?l`<div class="card" role="alertdialog" aria-label=${r("editor.delete_confirm",{name:e.name||e.id})} data-confirm-delete>
                <p>${r("editor.delete_confirm",{name:e.name||e.id})}</p>
                <div class="buttons">
                  <button class="danger" @click=${()=>this.deleteAutomation(e)}>${r("editor.delete")}</button>
                  <button @click=${()=>this.deleting=null}>${r("app.cancel")}</button>
                </div></div>`:c}
          ${this.notes[e.id]?l`<p class="muted" role="status">${this.notes[e.id]}</p>`:c}
          ${this.why[e.id]!==void 0?l`<p data-why>${this.why[e.id]||r("automations.why_none")}</p>`:c}
        </section>`)}
    `}};q.styles=[S,P`
      [data-why] {
        white-space: pre-line;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      button.danger {
        background: var(--danger);
        color: #fff;
      }
    `];se([p()],q.prototype,"automations",2);se([p()],q.prototype,"unavailable",2);se([p()],q.prototype,"why",2);se([p()],q.prototype,"error",2);se([p()],q.prototype,"busy",2);se([p()],q.prototype,"notes",2);se([p()],q.prototype,"editing",2);se([p()],q.prototype,"deleting",2);q=se([w("orbit-automations")],q);const Hi={running:"automations.status_running",queued:"automations.status_queued",done:"automations.status_done",failed:"automations.status_failed",cancelled:"automations.status_cancelled",timed_out:"automations.status_timed_out",interrupted:"automations.status_interrupted",refused:"automations.status_refused"};function $r(e){const t=e.last_run;if(!t)return r("automations.never");const i=Hi[t.status]?r(Hi[t.status]):t.status;return r("automations.last_run",{time:oe(t.started),outcome:t.error?`${i} (${t.error})`:i})}function Kt(e){if(typeof e=="string")return e;if(Array.isArray(e))return[...e].reverse().slice(0,3).map(t=>t&&typeof t=="object"&&typeof t.time=="number"?`${oe(t.time)}: ${Kt(t)}`:Kt(t)).join(`
`);if(e&&typeof e=="object"){const t=e;for(const i of["text","explanation","why","message","summary"])if(typeof t[i]=="string")return t[i]}return JSON.stringify(e)}var _r=Object.defineProperty,wr=Object.getOwnPropertyDescriptor,F=(e,t,i,n)=>{for(var s=n>1?void 0:n?wr(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&_r(t,i,s),s};const Bi=["adult","child","guest","owner"];let N=class extends E{constructor(){super(...arguments),this.users=[],this.spaces=[],this.devices=[],this.removing="",this.revoking="",this.notice="",this.grants={},this.open="",this.grantSpace="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.users,this.spaces,this.devices]=await Promise.all([m.get("/api/users"),m.get("/api/spaces"),m.get("/api/devices")]),this.grantSpace||=this.spaces[0]?.id??"",this.error=""}catch(e){this.error=_(e)}}async loadGrants(e){if(this.open=this.open===e?"":e,!!this.open)try{this.grants={...this.grants,[e]:await m.get(`/api/users/${encodeURIComponent(e)}/grants`)}}catch(t){this.error=_(t)}}async guarded(e){try{await e(),this.error=""}catch(t){this.error=_(t)}}async create(e){e.preventDefault();const t=e.target,i=new FormData(t);await this.guarded(async()=>{await m.request("POST","/api/users",{username:i.get("username"),password:i.get("password"),display_name:i.get("display_name")||i.get("username"),role:i.get("role")}),t.reset(),await this.load()})}async grant(e,t){e.preventDefault();const i=new FormData(e.target),n=i.getAll("rooms").map(String),s=i.getAll("devices").map(String),a=String(i.get("expires")??"");await this.guarded(async()=>{await m.request("POST",`/api/users/${encodeURIComponent(t)}/grants`,{space_id:i.get("space"),room_ids:n.length?n:null,device_ids:s.length?s:null,expires_at:a?new Date(a).getTime()/1e3:null}),this.open="",await this.loadGrants(t)})}async revoke(e){this.revoking="",await this.guarded(async()=>{await m.request("DELETE",`/api/grants/${encodeURIComponent(e.id)}`),this.open="",await this.loadGrants(e.user_id)})}async setCounts(e,t){await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(e.id)}`,{counts_for_presence:t}),await this.load()})}async removeUser(e){this.removing="",await this.guarded(async()=>{await m.request("DELETE",`/api/users/${encodeURIComponent(e.id)}`),await this.load()})}async setRole(e,t){await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(e.id)}`,{role:t}),await this.load()})}async resetPassword(e,t){e.preventDefault();const i=e.target,n=String(new FormData(i).get("password")??"");await this.guarded(async()=>{await m.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{password:n}),i.reset(),this.notice=r("users.password_set",{name:t.display_name||t.username})})}name(e,t,i){if(t==="device"){const s=this.devices.find(a=>a.id===e);return s?x(s.name,s.aliases):e}const n=this.spaces.find(s=>s.id===i)?.rooms.find(s=>s.id===e);return n?x(n.name,n.aliases):e}render(){return l`
      <h1>${r("users.title")}</h1>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.notice?l`<p class="muted" role="status">${this.notice}</p>`:c}
      ${this.users.map(e=>l`<section class="card" data-user=${e.username}>
          <div class="row between">
            <strong>${e.display_name||e.username}</strong><span class="muted">${e.username} · ${r(`users.role.${e.role}`)}</span>
          </div>
          ${e.role!=="owner"?l`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${e.counts_for_presence!==!1}
                  @change=${t=>this.setCounts(e,t.target.checked)} />
                <span>${r("users.counts_for_presence")}</span>
              </label>`:c}
          ${e.role!=="owner"?l`<label>${r("users.role")}
                <select name="role" .value=${e.role} @change=${t=>this.setRole(e,t.target.value)}>
                  ${Bi.map(t=>l`<option value=${t} ?selected=${t===e.role}>${r(`users.role.${t}`)}</option>`)}
                </select></label>
              <form class="row" @submit=${t=>this.resetPassword(t,e)}>
                <label class="grow">${r("users.new_password")}
                  <input type="password" name="password" required minlength="8" autocomplete="new-password" /></label>
                <button>${r("users.reset_password")}</button>
              </form>`:c}
          <div class="row">
            <button @click=${()=>this.loadGrants(e.id)}>${r("users.grants")}</button>
            ${e.role!=="owner"&&this.removing!==e.id?l`<button @click=${()=>this.removing=e.id}>${r("users.delete")}</button>`:c}
          </div>
          ${this.removing===e.id?l`<div class="ask" role="alertdialog" aria-label=${r("users.delete_question",{name:e.display_name||e.username})}>
                <p>${r("users.delete_question",{name:e.display_name||e.username})}</p>
                <div class="row">
                  <button class="danger" @click=${()=>this.removeUser(e)}>${r("users.delete")}</button>
                  <button @click=${()=>this.removing=""}>${r("app.cancel")}</button>
                </div>
              </div>`:c}
          ${this.open===e.id?this.grantsOf(e):c}
        </section>`)}
      <section class="card">
        <h2>${r("users.create")}</h2>
        <form @submit=${this.create}>
          <label>${r("login.username")}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${r("users.display_name")}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${r("login.password")}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${r("users.role")}
            <select name="role">${Bi.map(e=>l`<option value=${e}>${r(`users.role.${e}`)}</option>`)}</select>
          </label>
          <button class="primary">${r("users.create")}</button>
        </form>
      </section>
    `}grantsOf(e){const t=this.grants[e.id]??[],i=this.spaces.find(a=>a.id===this.grantSpace),n=a=>{const o=this.spaces.find(d=>d.id===a);return o?x(o.name,o.aliases):a},s=e.display_name||e.username;return l`
      <ul class="plain">
        ${t.map(a=>{const o=`${n(a.space_id)}: ${[...(a.room_ids??[]).map(u=>this.name(u,"room",a.space_id)),...(a.device_ids??[]).map(u=>this.name(u,"device",a.space_id))].join(", ")||r("users.whole_space")}`,d=r("users.revoke_question",{name:s,what:o});return l`<li data-grant=${a.id}>
            <div class="row between">
              <span>${o}
                <span class="muted">${a.expires_at?r("users.until",{time:oe(a.expires_at)}):r("users.no_expiry")}</span></span>
              ${this.revoking!==a.id?l`<button @click=${()=>this.revoking=a.id}>${r("users.revoke")}</button>`:c}
            </div>
            ${this.revoking===a.id?l`<div class="ask" role="alertdialog" aria-label=${d}>
                  <p>${d}</p>
                  <div class="row">
                    <button class="danger" @click=${()=>this.revoke(a)}>${r("users.revoke")}</button>
                    <button @click=${()=>this.revoking=""}>${r("app.cancel")}</button>
                  </div>
                </div>`:c}
          </li>`})}
      </ul>
      <form @submit=${a=>this.grant(a,e.id)}>
        <label>${r("users.space")}
          <select name="space" @change=${a=>this.grantSpace=a.target.value}>
            ${this.spaces.map(a=>l`<option value=${a.id} ?selected=${a.id===this.grantSpace}>${x(a.name,a.aliases)}</option>`)}
          </select>
        </label>
        ${i?.rooms.length?l`<div class="checks"><div class="muted">${r("users.rooms")}</div>
              ${i.rooms.map(a=>l`<label><input type="checkbox" name="rooms" value=${a.id} />${x(a.name,a.aliases)}</label>`)}
            </div>`:c}
        ${this.devices.some(a=>a.space_id===i?.id)?l`<div class="checks"><div class="muted">${r("users.devices")}</div>
              ${this.devices.filter(a=>a.space_id===i?.id).map(a=>l`<label><input type="checkbox" name="devices" value=${a.id} />${x(a.name,a.aliases)}</label>`)}
            </div>`:c}
        <label>${r("users.expires")}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${r("users.grant")}</button>
      </form>
    `}};N.styles=[S,P`
      .checks label {
        display: inline-flex;
        gap: 0.3rem;
        margin-right: 0.8rem;
      }
      .grow {
        flex: 1;
      }
      form.row {
        align-items: flex-end;
      }
      form.row button {
        margin-bottom: 0.5rem;
      }
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .ask p {
        margin: 0 0 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `];F([p()],N.prototype,"users",2);F([p()],N.prototype,"spaces",2);F([p()],N.prototype,"devices",2);F([p()],N.prototype,"removing",2);F([p()],N.prototype,"revoking",2);F([p()],N.prototype,"notice",2);F([p()],N.prototype,"grants",2);F([p()],N.prototype,"open",2);F([p()],N.prototype,"grantSpace",2);F([p()],N.prototype,"error",2);N=F([w("orbit-users")],N);function yn(){return"serviceWorker"in navigator&&"PushManager"in window&&"Notification"in window}async function kr(){if(!yn())return!1;const e=await m.optional("/api/push/key").catch(()=>null),t=e?.public_key??e?.key??e?.vapid_public_key;if(!t||await Notification.requestPermission()!=="granted")return!1;const i=await navigator.serviceWorker.ready,n=await i.pushManager.getSubscription()??await i.pushManager.subscribe({userVisibleOnly:!0,applicationServerKey:xr(t)});return await m.request("POST","/api/push/subscriptions",n.toJSON()),!0}function xr(e){const t=(e+"=".repeat((4-e.length%4)%4)).replace(/-/g,"+").replace(/_/g,"/"),i=atob(t),n=new Uint8Array(new ArrayBuffer(i.length));for(let s=0;s<i.length;s+=1)n[s]=i.charCodeAt(s);return n}var Sr=Object.defineProperty,Ar=Object.getOwnPropertyDescriptor,gt=(e,t,i,n)=>{for(var s=n>1?void 0:n?Ar(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Sr(t,i,s),s};let Ae=class extends E{constructor(){super(...arguments),this.user=null,this.companion=nn(),this.push="",this.error=""}render(){const e=this.user;return l`
      <h1>${r("more.title")}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${r("automations.title")}</a></li>
          ${e?.role==="owner"?l`<li><a href="#/users">${r("users.title")}</a></li>`:c}
          ${e?.role==="owner"?l`<li><a href="#/xiaomi">${r("xiaomi.title")}</a></li>`:c}
        </ul>
      </nav>
      <section class="card">
        <h2>${r("settings.title")}</h2>
        <label>${r("settings.language")}
          <select name="language" @change=${this.changeLanguage}>
            ${Ji.map(t=>l`<option value=${t.code} ?selected=${t.code===T()}>${t.label}</option>`)}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" name="companion" .checked=${this.companion} @change=${this.toggleCompanion} />
          <span>${r("settings.companion")}</span>
        </label>
        <p class="muted">${r("settings.companion_hint")}</p>
        ${e?.role==="owner"?l`<label class="row">
              <input type="checkbox" name="security_notices" .checked=${e.security_notices!==!1}
                @change=${this.toggleSecurityNotices} />
              <span>${r("settings.security_notices")}</span>
            </label>`:c}
        <h3>${r("settings.push")}</h3>
        ${yn()?l`<button @click=${this.enablePush}>${r("settings.push_on")}</button>`:c}
        ${this.push?l`<p class="muted" role="status">${this.push}</p>`:c}
        ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      </section>
      <section class="card">
        ${e?l`<p>${r("settings.signed_in_as",{name:e.display_name||e.username,role:r(`users.role.${e.role}`)})}</p>`:c}
        <button @click=${()=>{m.logout()}}>${r("logout")}</button>
      </section>
    `}changeLanguage(e){const t=e.target.value;en(t),m.request("PATCH","/api/me",{language:t}).catch(()=>null)}async toggleSecurityNotices(e){const t=e.target;try{await m.request("PATCH","/api/me",{security_notices:t.checked}),this.user&&(this.user={...this.user,security_notices:t.checked}),this.error=""}catch(i){t.checked=!t.checked,this.error=_(i)}}async toggleCompanion(e){this.companion=e.target.checked;try{await os(this.companion),this.error=""}catch(t){this.error=_(t)}}async enablePush(){try{this.push=r(await kr()?"settings.push_done":"settings.push_unavailable")}catch{this.push=r("settings.push_unavailable")}}};Ae.styles=[S];gt([b({attribute:!1})],Ae.prototype,"user",2);gt([p()],Ae.prototype,"companion",2);gt([p()],Ae.prototype,"push",2);gt([p()],Ae.prototype,"error",2);Ae=gt([w("orbit-settings")],Ae);var Pr=Object.defineProperty,Er=Object.getOwnPropertyDescriptor,W=(e,t,i,n)=>{for(var s=n>1?void 0:n?Er(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Pr(t,i,s),s};let U=class extends E{constructor(){super(...arguments),this.devices=null,this.spaces=[],this.discovery=null,this.looking=!1,this.adding=!1,this.host="",this.space="home",this.removing="",this.notice="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.devices,this.spaces]=await Promise.all([m.optional("/api/xiaomi/devices"),m.get("/api/spaces")]),this.spaces.some(e=>e.id===this.space)||(this.space=this.spaces[0]?.id??"home"),this.error=""}catch(e){this.error=_(e)}}async look(){this.looking=!0;try{this.discovery=await m.request("POST","/api/xiaomi/discover",{seconds:3}),this.error=""}catch(e){this.error=_(e)}finally{this.looking=!1}}async add(e){e.preventDefault();const t=e.target,i=new FormData(t),n=s=>String(i.get(s)??"").trim()||null;this.adding=!0;try{const s=await m.request("POST","/api/xiaomi/devices",{host:n("host"),token:n("token"),name:n("name"),space_id:n("space")??"home",room_id:n("room")});t.reset(),this.host="",this.notice=s.problem?r("xiaomi.added_waiting",{name:s.name,problem:s.problem}):r("xiaomi.added",{name:s.name,model:s.model}),this.error="",await this.load()}catch(s){this.notice="",this.error=_(s)}finally{this.adding=!1}}async forget(e){this.removing="";try{await m.request("DELETE",`/api/xiaomi/devices/${encodeURIComponent(e.id)}`),this.notice=r("xiaomi.removed",{name:e.name}),await this.load()}catch(t){this.error=_(t)}}stateOf(e){return e.problem?r("xiaomi.waiting_spec"):e.online===null?r("xiaomi.starting"):r(e.online?"xiaomi.answering":"xiaomi.silent")}render(){if(this.devices===null&&!this.error)return l`<h1>${r("xiaomi.title")}</h1><p class="muted">${r("app.unavailable")}</p>`;const e=this.spaces.find(t=>t.id===this.space)?.rooms??[];return l`
      <h1>${r("xiaomi.title")}</h1>
      ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
      ${this.notice?l`<p class="muted" role="status">${this.notice}</p>`:c}
      <section class="card">
        <h2>${r("xiaomi.added_devices")}</h2>
        ${this.devices?.length?l`<ul class="plain">
              ${this.devices.map(t=>l`<li data-xiaomi=${t.id}>
                  <div class="row between">
                    <span><strong>${t.name}</strong> <span class="muted">${t.model} · ${t.address}</span></span>
                    <span data-state>${this.stateOf(t)}</span>
                  </div>
                  ${t.problem?l`<p class="muted">${t.problem}</p>`:c}
                  ${this.removing===t.id?l`<div class="ask" role="alertdialog" aria-label=${r("xiaomi.remove_question",{name:t.name})}>
                        <p>${r("xiaomi.remove_question",{name:t.name})}</p>
                        <div class="row">
                          <button class="danger" @click=${()=>this.forget(t)}>${r("xiaomi.remove")}</button>
                          <button @click=${()=>this.removing=""}>${r("app.cancel")}</button>
                        </div>
                      </div>`:l`<button @click=${()=>this.removing=t.id}>${r("xiaomi.remove")}</button>`}
                </li>`)}
            </ul>`:l`<p class="muted">${r("xiaomi.none")}</p>`}
      </section>
      <section class="card">
        <h2>${r("xiaomi.find")}</h2>
        <button @click=${this.look} ?disabled=${this.looking}>${this.looking?r("xiaomi.looking"):r("xiaomi.look")}</button>
        ${this.discovery?this.found(this.discovery):c}
      </section>
      <section class="card">
        <h2>${r("xiaomi.add")}</h2>
        <form @submit=${this.add}>
          <label>${r("xiaomi.host")}<input type="text" name="host" required autocomplete="off" .value=${this.host}
            placeholder="192.168.1.20" /></label>
          <label>${r("xiaomi.token")}<input type="password" name="token" autocomplete="off" spellcheck="false"
            minlength="32" maxlength="32" placeholder="0123456789abcdef0123456789abcdef" /></label>
          <p class="muted">${r("xiaomi.token_hint")}</p>
          <label>${r("xiaomi.name")}<input type="text" name="name" autocomplete="off" /></label>
          <label>${r("users.space")}
            <select name="space" @change=${t=>this.space=t.target.value}>
              ${this.spaces.map(t=>l`<option value=${t.id} ?selected=${t.id===this.space}>${x(t.name,t.aliases)}</option>`)}
            </select>
          </label>
          <label>${r("xiaomi.room")}
            <select name="room">
              <option value="">—</option>
              ${e.map(t=>l`<option value=${t.id}>${x(t.name,t.aliases)}</option>`)}
            </select>
          </label>
          <button class="primary" ?disabled=${this.adding}>${this.adding?r("xiaomi.adding"):r("xiaomi.add")}</button>
        </form>
      </section>
    `}found(e){return l`
      ${e.problems.map(t=>l`<p class="muted">${t}</p>`)}
      ${e.found.length?l`<ul class="plain">
            ${e.found.map(t=>l`<li data-found=${t.did}>
                <div class="row between">
                  <span>${t.address} <span class="muted">${t.model??r("xiaomi.model_unknown")} · ${t.did}</span></span>
                  ${t.added_as?l`<span class="muted">${r("xiaomi.already_added")}</span>`:l`<button @click=${()=>this.host=t.port===54321?t.address:`${t.address}:${t.port}`}>
                        ${r("xiaomi.use")}</button>`}
                </div>
                ${t.token_revealed?l`<p class="muted">${r("xiaomi.token_revealed")}</p>`:c}
              </li>`)}
          </ul>`:l`<p class="muted">${r("xiaomi.nothing_found")}</p>`}
      <details>
        <summary>${r("xiaomi.where_tokens")}</summary>
        <p>${e.tokens}</p>
      </details>
    `}};U.styles=[S,P`
      .ask {
        background: var(--bg);
        border-radius: 10px;
        padding: 0.6rem 0.8rem;
        margin-top: 0.5rem;
      }
      .danger {
        background: var(--danger);
        color: #fff;
      }
    `];W([p()],U.prototype,"devices",2);W([p()],U.prototype,"spaces",2);W([p()],U.prototype,"discovery",2);W([p()],U.prototype,"looking",2);W([p()],U.prototype,"adding",2);W([p()],U.prototype,"host",2);W([p()],U.prototype,"space",2);W([p()],U.prototype,"removing",2);W([p()],U.prototype,"notice",2);W([p()],U.prototype,"error",2);U=W([w("orbit-xiaomi")],U);var Or=Object.defineProperty,Cr=Object.getOwnPropertyDescriptor,he=(e,t,i,n)=>{for(var s=n>1?void 0:n?Cr(t,i):t,a=e.length-1,o;a>=0;a--)(o=e[a])&&(s=(n?o(t,i,s):o(s))||s);return n&&s&&Or(t,i,s),s};const Tr=[{route:"",key:"nav.home",icon:"⌂"},{route:"energy",key:"nav.energy",icon:"⚡"},{route:"activity",key:"nav.activity",icon:"☰"},{route:"inbox",key:"nav.alerts",icon:"✉"},{route:"more",key:"nav.more",icon:"⋯"}];let Y=class extends E{constructor(){super(...arguments),this.route=location.hash,this.user=null,this.online=navigator.onLine,this.reachable=!0,this.error="",this.unseen=0,this.toast="",this.onHash=()=>{this.route=location.hash,this.parts[0]==="inbox"&&(this.unseen=0)},this.onNetwork=()=>{this.online=navigator.onLine,this.online&&m.signedIn&&(!this.user||!this.reachable)&&this.loadMe()},this.onSignedOut=()=>{this.user=null,D.stop(),ls(),y.clear(),as()},this.onLiveStatus=()=>this.requestUpdate(),this.onLiveMessage=e=>{const t=e.detail;t.type==="notification"&&(this.parts[0]!=="inbox"&&(this.unseen+=1),this.toast=[t.title,t.message].filter(i=>typeof i=="string"&&i).join(": "),window.clearTimeout(this.toastTimer),this.toastTimer=window.setTimeout(()=>this.toast="",6e3))}}connectedCallback(){super.connectedCallback(),window.addEventListener("hashchange",this.onHash),window.addEventListener("online",this.onNetwork),window.addEventListener("offline",this.onNetwork),m.addEventListener("signedout",this.onSignedOut),m.addEventListener("reachability",this.onLiveStatus),D.addEventListener("status",this.onLiveStatus),D.addEventListener("message",this.onLiveMessage),m.signedIn&&this.loadMe()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("hashchange",this.onHash),window.removeEventListener("online",this.onNetwork),window.removeEventListener("offline",this.onNetwork),m.removeEventListener("signedout",this.onSignedOut),m.removeEventListener("reachability",this.onLiveStatus),D.removeEventListener("status",this.onLiveStatus),D.removeEventListener("message",this.onLiveMessage)}async loadMe(){try{const e=await m.get("/api/me");this.user=e.user,xi(e.user.username),wt("me",e.user),this.reachable=!0,this.error="",e.user.language!==T()&&m.request("PATCH","/api/me",{language:T()}).catch(()=>null),D.start(),sn().catch(()=>null)}catch(e){this.reachable=e.status!==0,this.reachable?this.error=_(e):this.user??=tt("me"),this.user&&xi(this.user.username)}}render(){const e=!this.online||!this.reachable||!m.reachable,t=m.signedIn;return l`
      <header>
        <strong>${r("app.name")}</strong>
        <span class="status" data-live=${D.status}>
          ${e?r("device.offline"):t&&this.user?D.status==="live"?`● ${r("app.live")}`:r("app.reconnecting"):""}
        </span>
      </header>
      ${e?l`<div class="banner" role="status" data-offline>${r("app.offline")}
          <button @click=${()=>this.loadMe()}>${r("app.retry")}</button></div>`:c}
      <main>
        ${this.error?l`<p class="error" role="alert">${this.error}</p>`:c}
        ${t?this.user?this.view(this.user):e?c:l`<p class="muted">${r("app.loading")}</p>`:e?c:l`<orbit-login @signedin=${()=>this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast?l`<div class="toast" role="status" data-toast @click=${()=>this.toast=""}>${this.toast}</div>`:c}
      ${t&&this.user?this.tabs():c}
    `}get parts(){return this.route.replace(/^#\/?/,"").split("/").map(decodeURIComponent)}view(e){const[t,i]=this.parts;switch(t){case"device":return l`<orbit-device-page device-id=${i??""}></orbit-device-page>`;case"energy":return l`<orbit-energy .user=${e}></orbit-energy>`;case"activity":return l`<orbit-activity></orbit-activity>`;case"inbox":return l`<orbit-inbox .user=${e}></orbit-inbox>`;case"automations":return l`<orbit-automations></orbit-automations>`;case"users":return e.role==="owner"?l`<orbit-users></orbit-users>`:l`<orbit-settings .user=${e}></orbit-settings>`;case"xiaomi":return e.role==="owner"?l`<orbit-xiaomi></orbit-xiaomi>`:l`<orbit-settings .user=${e}></orbit-settings>`;case"more":return l`<orbit-settings .user=${e}></orbit-settings>`;default:return l`<orbit-spaces space-id=${t==="space"?i??"":""}></orbit-spaces>`}}tabs(){const[e]=this.parts,t=e==="space"||e==="device"?"":e==="automations"||e==="users"||e==="xiaomi"?"more":e??"";return l`<nav class="tabs" aria-label=${r("app.name")} lang=${T()}>
      ${Tr.map(i=>l`<a href="#/${i.route}" aria-current=${i.route===t?"page":"false"} data-tab=${i.route||"home"}>
          <span aria-hidden="true">${i.icon}</span>${r(i.key)}${i.route==="inbox"&&this.unseen?l` <b class="badge" data-unseen>${this.unseen}</b>`:c}</a>`)}
    </nav>`}};Y.styles=[S,P`
      :host {
        min-height: 100vh;
        display: flex;
        flex-direction: column;
      }
      header {
        position: sticky;
        top: 0;
        z-index: 2;
        background: var(--bar);
        color: #fff;
        padding: calc(env(safe-area-inset-top) + 0.6rem) 1rem 0.6rem;
        display: flex;
        align-items: center;
        justify-content: space-between;
      }
      header strong {
        font-size: 1.1rem;
      }
      .status {
        font-size: 0.8rem;
        opacity: 0.9;
      }
      .banner {
        background: var(--warn);
        color: #000;
        padding: 0.5rem 1rem;
        font-size: 0.9rem;
      }
      main {
        flex: 1;
        padding: 0.75rem 0.75rem 5.5rem;
        width: 100%;
        max-width: 1100px;
        margin: 0 auto;
      }
      nav.tabs {
        position: fixed;
        bottom: 0;
        left: 0;
        right: 0;
        display: flex;
        background: var(--card);
        border-top: 1px solid var(--line);
        padding-bottom: env(safe-area-inset-bottom);
        z-index: 2;
      }
      nav.tabs a {
        flex: 1;
        text-align: center;
        padding: 0.45rem 0 0.55rem;
        color: var(--muted);
        text-decoration: none;
        font-size: 0.75rem;
      }
      nav.tabs a span {
        display: block;
        font-size: 1.25rem;
        line-height: 1.3;
      }
      nav.tabs a[aria-current='page'] {
        color: var(--accent);
      }
      .badge {
        background: var(--danger);
        color: #fff;
        border-radius: 999px;
        padding: 0 0.4em;
        font-size: 0.7rem;
      }
      .toast {
        position: fixed;
        left: 0.75rem;
        right: 0.75rem;
        bottom: calc(4.5rem + env(safe-area-inset-bottom));
        background: var(--bar);
        color: #fff;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        z-index: 3;
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
      }
    `];he([p()],Y.prototype,"route",2);he([p()],Y.prototype,"user",2);he([p()],Y.prototype,"online",2);he([p()],Y.prototype,"reachable",2);he([p()],Y.prototype,"error",2);he([p()],Y.prototype,"unseen",2);he([p()],Y.prototype,"toast",2);Y=he([w("orbit-app")],Y);"serviceWorker"in navigator&&window.addEventListener("load",()=>{navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(()=>null)});
