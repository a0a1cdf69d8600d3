const Ve=globalThis,gt=Ve.ShadowRoot&&(Ve.ShadyCSS===void 0||Ve.ShadyCSS.nativeShadow)&&"adoptedStyleSheets"in Document.prototype&&"replace"in CSSStyleSheet.prototype,mt=Symbol(),Et=new WeakMap;let Yt=class{constructor(e,s,i){if(this._$cssResult$=!0,i!==mt)throw Error("CSSResult is not constructable. Use `unsafeCSS` or `css` instead.");this.cssText=e,this.t=s}get styleSheet(){let e=this.o;const s=this.t;if(gt&&e===void 0){const i=s!==void 0&&s.length===1;i&&(e=Et.get(s)),e===void 0&&((this.o=e=new CSSStyleSheet).replaceSync(this.cssText),i&&Et.set(s,e))}return e}toString(){return this.cssText}};const $s=t=>new Yt(typeof t=="string"?t:t+"",void 0,mt),P=(t,...e)=>{const s=t.length===1?t[0]:e.reduce((i,n,r)=>i+(a=>{if(a._$cssResult$===!0)return a.cssText;if(typeof a=="number")return a;throw Error("Value passed to 'css' function must be a 'css' function result: "+a+". Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security.")})(n)+t[r+1],t[0]);return new Yt(s,t,mt)},ws=(t,e)=>{if(gt)t.adoptedStyleSheets=e.map(s=>s instanceof CSSStyleSheet?s:s.styleSheet);else for(const s of e){const i=document.createElement("style"),n=Ve.litNonce;n!==void 0&&i.setAttribute("nonce",n),i.textContent=s.cssText,t.appendChild(i)}},Ct=gt?t=>t:t=>t instanceof CSSStyleSheet?(e=>{let s="";for(const i of e.cssRules)s+=i.cssText;return $s(s)})(t):t;const{is:_s,defineProperty:ks,getOwnPropertyDescriptor:xs,getOwnPropertyNames:Ss,getOwnPropertySymbols:As,getPrototypeOf:Es}=Object,Xe=globalThis,Ot=Xe.trustedTypes,Cs=Ot?Ot.emptyScript:"",Os=Xe.reactiveElementPolyfillSupport,Ee=(t,e)=>t,We={toAttribute(t,e){switch(e){case Boolean:t=t?Cs:null;break;case Object:case Array:t=t==null?t:JSON.stringify(t)}return t},fromAttribute(t,e){let s=t;switch(e){case Boolean:s=t!==null;break;case Number:s=t===null?null:Number(t);break;case Object:case Array:try{s=JSON.parse(t)}catch{s=null}}return s}},ft=(t,e)=>!_s(t,e),Pt={attribute:!0,type:String,converter:We,reflect:!1,useDefault:!1,hasChanged:ft};Symbol.metadata??=Symbol("metadata"),Xe.litPropertyMetadata??=new WeakMap;let ge=class extends HTMLElement{static addInitializer(e){this._$Ei(),(this.l??=[]).push(e)}static get observedAttributes(){return this.finalize(),this._$Eh&&[...this._$Eh.keys()]}static createProperty(e,s=Pt){if(s.state&&(s.attribute=!1),this._$Ei(),this.prototype.hasOwnProperty(e)&&((s=Object.create(s)).wrapped=!0),this.elementProperties.set(e,s),!s.noAccessor){const i=Symbol(),n=this.getPropertyDescriptor(e,i,s);n!==void 0&&ks(this.prototype,e,n)}}static getPropertyDescriptor(e,s,i){const{get:n,set:r}=xs(this.prototype,e)??{get(){return this[s]},set(a){this[s]=a}};return{get:n,set(a){const d=n?.call(this);r?.call(this,a),this.requestUpdate(e,d,i)},configurable:!0,enumerable:!0}}static getPropertyOptions(e){return this.elementProperties.get(e)??Pt}static _$Ei(){if(this.hasOwnProperty(Ee("elementProperties")))return;const e=Es(this);e.finalize(),e.l!==void 0&&(this.l=[...e.l]),this.elementProperties=new Map(e.elementProperties)}static finalize(){if(this.hasOwnProperty(Ee("finalized")))return;if(this.finalized=!0,this._$Ei(),this.hasOwnProperty(Ee("properties"))){const s=this.properties,i=[...Ss(s),...As(s)];for(const n of i)this.createProperty(n,s[n])}const e=this[Symbol.metadata];if(e!==null){const s=litPropertyMetadata.get(e);if(s!==void 0)for(const[i,n]of s)this.elementProperties.set(i,n)}this._$Eh=new Map;for(const[s,i]of this.elementProperties){const n=this._$Eu(s,i);n!==void 0&&this._$Eh.set(n,s)}this.elementStyles=this.finalizeStyles(this.styles)}static finalizeStyles(e){const s=[];if(Array.isArray(e)){const i=new Set(e.flat(1/0).reverse());for(const n of i)s.unshift(Ct(n))}else e!==void 0&&s.push(Ct(e));return s}static _$Eu(e,s){const i=s.attribute;return i===!1?void 0:typeof i=="string"?i:typeof e=="string"?e.toLowerCase():void 0}constructor(){super(),this._$Ep=void 0,this.isUpdatePending=!1,this.hasUpdated=!1,this._$Em=null,this._$Ev()}_$Ev(){this._$ES=new Promise(e=>this.enableUpdating=e),this._$AL=new Map,this._$E_(),this.requestUpdate(),this.constructor.l?.forEach(e=>e(this))}addController(e){(this._$EO??=new Set).add(e),this.renderRoot!==void 0&&this.isConnected&&e.hostConnected?.()}removeController(e){this._$EO?.delete(e)}_$E_(){const e=new Map,s=this.constructor.elementProperties;for(const i of s.keys())this.hasOwnProperty(i)&&(e.set(i,this[i]),delete this[i]);e.size>0&&(this._$Ep=e)}createRenderRoot(){const e=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return ws(e,this.constructor.elementStyles),e}connectedCallback(){this.renderRoot??=this.createRenderRoot(),this.enableUpdating(!0),this._$EO?.forEach(e=>e.hostConnected?.())}enableUpdating(e){}disconnectedCallback(){this._$EO?.forEach(e=>e.hostDisconnected?.())}attributeChangedCallback(e,s,i){this._$AK(e,i)}_$ET(e,s){const i=this.constructor.elementProperties.get(e),n=this.constructor._$Eu(e,i);if(n!==void 0&&i.reflect===!0){const r=(i.converter?.toAttribute!==void 0?i.converter:We).toAttribute(s,i.type);this._$Em=e,r==null?this.removeAttribute(n):this.setAttribute(n,r),this._$Em=null}}_$AK(e,s){const i=this.constructor,n=i._$Eh.get(e);if(n!==void 0&&this._$Em!==n){const r=i.getPropertyOptions(n),a=typeof r.converter=="function"?{fromAttribute:r.converter}:r.converter?.fromAttribute!==void 0?r.converter:We;this._$Em=n;const d=a.fromAttribute(s,r.type);this[n]=d??this._$Ej?.get(n)??d,this._$Em=null}}requestUpdate(e,s,i,n=!1,r){if(e!==void 0){const a=this.constructor;if(n===!1&&(r=this[e]),i??=a.getPropertyOptions(e),!((i.hasChanged??ft)(r,s)||i.useDefault&&i.reflect&&r===this._$Ej?.get(e)&&!this.hasAttribute(a._$Eu(e,i))))return;this.C(e,s,i)}this.isUpdatePending===!1&&(this._$ES=this._$EP())}C(e,s,{useDefault:i,reflect:n,wrapped:r},a){i&&!(this._$Ej??=new Map).has(e)&&(this._$Ej.set(e,a??s??this[e]),r!==!0||a!==void 0)||(this._$AL.has(e)||(this.hasUpdated||i||(s=void 0),this._$AL.set(e,s)),n===!0&&this._$Em!==e&&(this._$Eq??=new Set).add(e))}async _$EP(){this.isUpdatePending=!0;try{await this._$ES}catch(s){Promise.reject(s)}const e=this.scheduleUpdate();return e!=null&&await e,!this.isUpdatePending}scheduleUpdate(){return this.performUpdate()}performUpdate(){if(!this.isUpdatePending)return;if(!this.hasUpdated){if(this.renderRoot??=this.createRenderRoot(),this._$Ep){for(const[n,r]of this._$Ep)this[n]=r;this._$Ep=void 0}const i=this.constructor.elementProperties;if(i.size>0)for(const[n,r]of i){const{wrapped:a}=r,d=this[n];a!==!0||this._$AL.has(n)||d===void 0||this.C(n,void 0,r,d)}}let e=!1;const s=this._$AL;try{e=this.shouldUpdate(s),e?(this.willUpdate(s),this._$EO?.forEach(i=>i.hostUpdate?.()),this.update(s)):this._$EM()}catch(i){throw e=!1,this._$EM(),i}e&&this._$AE(s)}willUpdate(e){}_$AE(e){this._$EO?.forEach(s=>s.hostUpdated?.()),this.hasUpdated||(this.hasUpdated=!0,this.firstUpdated(e)),this.updated(e)}_$EM(){this._$AL=new Map,this.isUpdatePending=!1}get updateComplete(){return this.getUpdateComplete()}getUpdateComplete(){return this._$ES}shouldUpdate(e){return!0}update(e){this._$Eq&&=this._$Eq.forEach(s=>this._$ET(s,this[s])),this._$EM()}updated(e){}firstUpdated(e){}};ge.elementStyles=[],ge.shadowRootOptions={mode:"open"},ge[Ee("elementProperties")]=new Map,ge[Ee("finalized")]=new Map,Os?.({ReactiveElement:ge}),(Xe.reactiveElementVersions??=[]).push("2.1.2");const vt=globalThis,Tt=t=>t,Ge=vt.trustedTypes,It=Ge?Ge.createPolicy("lit-html",{createHTML:t=>t}):void 0,Xt="$lit$",V=`lit$${Math.random().toFixed(9).slice(2)}$`,Qt="?"+V,Ps=`<${Qt}>`,Q=document,Te=()=>Q.createComment(""),Ie=t=>t===null||typeof t!="object"&&typeof t!="function",bt=Array.isArray,Ts=t=>bt(t)||typeof t?.[Symbol.iterator]=="function",st=`[ 	
\f\r]`,Se=/<(?:(!--|\/[^a-zA-Z])|(\/?[a-zA-Z][^>\s]*)|(\/?$))/g,Lt=/-->/g,Dt=/>/g,Y=RegExp(`>|${st}(?:([^\\s"'>=/]+)(${st}*=${st}*(?:[^ 	
\f\r"'\`<>=]|("|')|))|$)`,"g"),Rt=/'/g,zt=/"/g,es=/^(?:script|style|textarea|title)$/i,ts=t=>(e,...s)=>({_$litType$:t,strings:e,values:s}),c=ts(1),Is=ts(2),R=Symbol.for("lit-noChange"),u=Symbol.for("lit-nothing"),Ut=new WeakMap,X=Q.createTreeWalker(Q,129);function ss(t,e){if(!bt(t)||!t.hasOwnProperty("raw"))throw Error("invalid template strings array");return It!==void 0?It.createHTML(e):e}const Ls=(t,e)=>{const s=t.length-1,i=[];let n,r=e===2?"<svg>":e===3?"<math>":"",a=Se;for(let d=0;d<s;d++){const l=t[d];let h,m,f=-1,v=0;for(;v<l.length&&(a.lastIndex=v,m=a.exec(l),m!==null);)v=a.lastIndex,a===Se?m[1]==="!--"?a=Lt:m[1]!==void 0?a=Dt:m[2]!==void 0?(es.test(m[2])&&(n=RegExp("</"+m[2],"g")),a=Y):m[3]!==void 0&&(a=Y):a===Y?m[0]===">"?(a=n??Se,f=-1):m[1]===void 0?f=-2:(f=a.lastIndex-m[2].length,h=m[1],a=m[3]===void 0?Y:m[3]==='"'?zt:Rt):a===zt||a===Rt?a=Y:a===Lt||a===Dt?a=Se:(a=Y,n=void 0);const $=a===Y&&t[d+1].startsWith("/>")?" ":"";r+=a===Se?l+Ps:f>=0?(i.push(h),l.slice(0,f)+Xt+l.slice(f)+V+$):l+V+(f===-2?d:$)}return[ss(t,r+(t[s]||"<?>")+(e===2?"</svg>":e===3?"</math>":"")),i]};class Le{constructor({strings:e,_$litType$:s},i){let n;this.parts=[];let r=0,a=0;const d=e.length-1,l=this.parts,[h,m]=Ls(e,s);if(this.el=Le.createElement(h,i),X.currentNode=this.el.content,s===2||s===3){const f=this.el.content.firstChild;f.replaceWith(...f.childNodes)}for(;(n=X.nextNode())!==null&&l.length<d;){if(n.nodeType===1){if(n.hasAttributes())for(const f of n.getAttributeNames())if(f.endsWith(Xt)){const v=m[a++],$=n.getAttribute(f).split(V),T=/([.?@])?(.*)/.exec(v);l.push({type:1,index:r,name:T[2],strings:$,ctor:T[1]==="."?Rs:T[1]==="?"?zs:T[1]==="@"?Us:Qe}),n.removeAttribute(f)}else f.startsWith(V)&&(l.push({type:6,index:r}),n.removeAttribute(f));if(es.test(n.tagName)){const f=n.textContent.split(V),v=f.length-1;if(v>0){n.textContent=Ge?Ge.emptyScript:"";for(let $=0;$<v;$++)n.append(f[$],Te()),X.nextNode(),l.push({type:2,index:++r});n.append(f[v],Te())}}}else if(n.nodeType===8)if(n.data===Qt)l.push({type:2,index:r});else{let f=-1;for(;(f=n.data.indexOf(V,f+1))!==-1;)l.push({type:7,index:r}),f+=V.length-1}r++}}static createElement(e,s){const i=Q.createElement("template");return i.innerHTML=e,i}}function be(t,e,s=t,i){if(e===R)return e;let n=i!==void 0?s._$Co?.[i]:s._$Cl;const r=Ie(e)?void 0:e._$litDirective$;return n?.constructor!==r&&(n?._$AO?.(!1),r===void 0?n=void 0:(n=new r(t),n._$AT(t,s,i)),i!==void 0?(s._$Co??=[])[i]=n:s._$Cl=n),n!==void 0&&(e=be(t,n._$AS(t,e.values),n,i)),e}class Ds{constructor(e,s){this._$AV=[],this._$AN=void 0,this._$AD=e,this._$AM=s}get parentNode(){return this._$AM.parentNode}get _$AU(){return this._$AM._$AU}u(e){const{el:{content:s},parts:i}=this._$AD,n=(e?.creationScope??Q).importNode(s,!0);X.currentNode=n;let r=X.nextNode(),a=0,d=0,l=i[0];for(;l!==void 0;){if(a===l.index){let h;l.type===2?h=new Me(r,r.nextSibling,this,e):l.type===1?h=new l.ctor(r,l.name,l.strings,this,e):l.type===6&&(h=new Ms(r,this,e)),this._$AV.push(h),l=i[++d]}a!==l?.index&&(r=X.nextNode(),a++)}return X.currentNode=Q,n}p(e){let s=0;for(const i of this._$AV)i!==void 0&&(i.strings!==void 0?(i._$AI(e,i,s),s+=i.strings.length-2):i._$AI(e[s])),s++}}class Me{get _$AU(){return this._$AM?._$AU??this._$Cv}constructor(e,s,i,n){this.type=2,this._$AH=u,this._$AN=void 0,this._$AA=e,this._$AB=s,this._$AM=i,this.options=n,this._$Cv=n?.isConnected??!0}get parentNode(){let e=this._$AA.parentNode;const s=this._$AM;return s!==void 0&&e?.nodeType===11&&(e=s.parentNode),e}get startNode(){return this._$AA}get endNode(){return this._$AB}_$AI(e,s=this){e=be(this,e,s),Ie(e)?e===u||e==null||e===""?(this._$AH!==u&&this._$AR(),this._$AH=u):e!==this._$AH&&e!==R&&this._(e):e._$litType$!==void 0?this.$(e):e.nodeType!==void 0?this.T(e):Ts(e)?this.k(e):this._(e)}O(e){return this._$AA.parentNode.insertBefore(e,this._$AB)}T(e){this._$AH!==e&&(this._$AR(),this._$AH=this.O(e))}_(e){this._$AH!==u&&Ie(this._$AH)?this._$AA.nextSibling.data=e:this.T(Q.createTextNode(e)),this._$AH=e}$(e){const{values:s,_$litType$:i}=e,n=typeof i=="number"?this._$AC(e):(i.el===void 0&&(i.el=Le.createElement(ss(i.h,i.h[0]),this.options)),i);if(this._$AH?._$AD===n)this._$AH.p(s);else{const r=new Ds(n,this),a=r.u(this.options);r.p(s),this.T(a),this._$AH=r}}_$AC(e){let s=Ut.get(e.strings);return s===void 0&&Ut.set(e.strings,s=new Le(e)),s}k(e){bt(this._$AH)||(this._$AH=[],this._$AR());const s=this._$AH;let i,n=0;for(const r of e)n===s.length?s.push(i=new Me(this.O(Te()),this.O(Te()),this,this.options)):i=s[n],i._$AI(r),n++;n<s.length&&(this._$AR(i&&i._$AB.nextSibling,n),s.length=n)}_$AR(e=this._$AA.nextSibling,s){for(this._$AP?.(!1,!0,s);e!==this._$AB;){const i=Tt(e).nextSibling;Tt(e).remove(),e=i}}setConnected(e){this._$AM===void 0&&(this._$Cv=e,this._$AP?.(e))}}class Qe{get tagName(){return this.element.tagName}get _$AU(){return this._$AM._$AU}constructor(e,s,i,n,r){this.type=1,this._$AH=u,this._$AN=void 0,this.element=e,this.name=s,this._$AM=n,this.options=r,i.length>2||i[0]!==""||i[1]!==""?(this._$AH=Array(i.length-1).fill(new String),this.strings=i):this._$AH=u}_$AI(e,s=this,i,n){const r=this.strings;let a=!1;if(r===void 0)e=be(this,e,s,0),a=!Ie(e)||e!==this._$AH&&e!==R,a&&(this._$AH=e);else{const d=e;let l,h;for(e=r[0],l=0;l<r.length-1;l++)h=be(this,d[i+l],s,l),h===R&&(h=this._$AH[l]),a||=!Ie(h)||h!==this._$AH[l],h===u?e=u:e!==u&&(e+=(h??"")+r[l+1]),this._$AH[l]=h}a&&!n&&this.j(e)}j(e){e===u?this.element.removeAttribute(this.name):this.element.setAttribute(this.name,e??"")}}class Rs extends Qe{constructor(){super(...arguments),this.type=3}j(e){this.element[this.name]=e===u?void 0:e}}class zs extends Qe{constructor(){super(...arguments),this.type=4}j(e){this.element.toggleAttribute(this.name,!!e&&e!==u)}}class Us extends Qe{constructor(e,s,i,n,r){super(e,s,i,n,r),this.type=5}_$AI(e,s=this){if((e=be(this,e,s,0)??u)===R)return;const i=this._$AH,n=e===u&&i!==u||e.capture!==i.capture||e.once!==i.once||e.passive!==i.passive,r=e!==u&&(i===u||n);n&&this.element.removeEventListener(this.name,this,i),r&&this.element.addEventListener(this.name,this,e),this._$AH=e}handleEvent(e){typeof this._$AH=="function"?this._$AH.call(this.options?.host??this.element,e):this._$AH.handleEvent(e)}}class Ms{constructor(e,s,i){this.element=e,this.type=6,this._$AN=void 0,this._$AM=s,this.options=i}get _$AU(){return this._$AM._$AU}_$AI(e){be(this,e)}}const Ns=vt.litHtmlPolyfillSupport;Ns?.(Le,Me),(vt.litHtmlVersions??=[]).push("3.3.3");const js=(t,e,s)=>{const i=s?.renderBefore??e;let n=i._$litPart$;if(n===void 0){const r=s?.renderBefore??null;i._$litPart$=n=new Me(e.insertBefore(Te(),r),r,void 0,s??{})}return n._$AI(t),n};const yt=globalThis;let Ce=class extends ge{constructor(){super(...arguments),this.renderOptions={host:this},this._$Do=void 0}createRenderRoot(){const e=super.createRenderRoot();return this.renderOptions.renderBefore??=e.firstChild,e}update(e){const s=this.render();this.hasUpdated||(this.renderOptions.isConnected=this.isConnected),super.update(e),this._$Do=js(s,this.renderRoot,this.renderOptions)}connectedCallback(){super.connectedCallback(),this._$Do?.setConnected(!0)}disconnectedCallback(){super.disconnectedCallback(),this._$Do?.setConnected(!1)}render(){return R}};Ce._$litElement$=!0,Ce.finalized=!0,yt.litElementHydrateSupport?.({LitElement:Ce});const Hs=yt.litElementPolyfillSupport;Hs?.({LitElement:Ce});(yt.litElementVersions??=[]).push("4.2.2");const A=t=>(e,s)=>{s!==void 0?s.addInitializer(()=>{customElements.define(t,e)}):customElements.define(t,e)};const qs={attribute:!0,type:String,converter:We,reflect:!1,hasChanged:ft},Bs=(t=qs,e,s)=>{const{kind:i,metadata:n}=s;let r=globalThis.litPropertyMetadata.get(n);if(r===void 0&&globalThis.litPropertyMetadata.set(n,r=new Map),i==="setter"&&((t=Object.create(t)).wrapped=!0),r.set(s.name,t),i==="accessor"){const{name:a}=s;return{set(d){const l=e.get.call(this);e.set.call(this,d),this.requestUpdate(a,l,t,!0,d)},init(d){return d!==void 0&&this.C(a,void 0,t,d),d}}}if(i==="setter"){const{name:a}=s;return function(d){const l=this[a];e.call(this,d),this.requestUpdate(a,l,t,!0,d)}}throw Error("Unsupported decorator location: "+i)};function x(t){return(e,s)=>typeof s=="object"?Bs(t,e,s):((i,n,r)=>{const a=n.hasOwnProperty(r);return n.constructor.createProperty(r,i),a?Object.getOwnPropertyDescriptor(n,r):void 0})(t,e,s)}function p(t){return x({...t,state:!0,attribute:!1})}const Fs={code:"de",label:"Deutsch",server:"en",messages:{"app.name":"OrbitHub","app.offline":"Offline: die gespeicherte App wird angezeigt; Änderungen brauchen den Hub.","app.live":"Live","app.reconnecting":"Verbindung wird wiederhergestellt…","app.loading":"Wird geladen…","app.retry":"Erneut versuchen","app.close":"Schließen","app.save":"Speichern","app.cancel":"Abbrechen","app.none":"Hier ist noch nichts.","app.unavailable":"Auf diesem Hub nicht verfügbar.","nav.home":"Zuhause","nav.energy":"Energie","nav.activity":"Verlauf","nav.alerts":"Posteingang","nav.more":"Mehr","login.title":"Bei OrbitHub anmelden","login.username":"Benutzername","login.password":"Passwort","login.submit":"Anmelden","login.failed":"Anmeldung fehlgeschlagen: {message}","onboarding.title":"Willkommen! Lege das Konto des Eigentümers an","onboarding.intro":"Dieser Hub hat noch keine Benutzer. Das erste Konto gehört dem Eigentümer.","onboarding.display_name":"Dein Name","onboarding.submit":"Eigentümer anlegen",logout:"Abmelden","spaces.rooms_all":"Alle Räume","spaces.no_room":"Ganzer Bereich","spaces.empty":"Hier gibt es keine Geräte, die du sehen darfst.","spaces.kind.home":"Zuhause","spaces.kind.office":"Büro","spaces.kind.vehicle":"Auto","device.online":"Online","device.offline":"Offline","device.read_only":"Nur ansehen","device.details":"Details","device.confirmed":"{name}: erledigt","device.not_confirmed":"{name}: gesendet, das Gerät hat es noch nicht bestätigt","device.not_found":"Dieses Gerät gibt es nicht, oder du darfst es nicht sehen.","device.history":"Verlauf","device.no_history":"Für diesen Zeitraum ist nichts aufgezeichnet.","device.back":"Zurück","device.decrease":"Verringern","device.increase":"Erhöhen","confirm.unlock":"{name} entriegeln?","confirm.open":"{name} öffnen?","confirm.disarm":"{name} unscharf schalten?","confirm.unlock_button":"Entriegeln","confirm.open_button":"Öffnen","confirm.disarm_button":"Unscharf schalten","range.hour":"1 Std.","range.day":"24 Std.","range.week":"7 Tage","range.month":"30 Tage","energy.title":"Energie","energy.day":"Tag","energy.month":"Monat","energy.by_device":"Nach Gerät","energy.by_room":"Nach Raum","energy.total":"Gesamt {value} {unit}","car.title":"Auto","car.battery":"Akku","car.range":"Reichweite","car.charging":"Laden","car.limit":"Ladegrenze","car.climate":"Laden, Innenraumklima und Türen","car.location":"Standort","car.plan":"Ladeplan","car.eta":"Ankunft","car.home":"Zuhause","car.office":"Büro","car.distance":"{km} km von zu Hause","car.eta_line":"{place}: {time} (in {minutes} Min.)","car.settings":"Ladeeinstellungen","car.target":"Ziel bis Abfahrt (%)","car.departure":"Abfahrt","car.settings_hint":"Der Plan lädt bis zur Abfahrt auf das Ziel, in den günstigsten Stunden des Tarifs; die Grenze ist das Höchste, worauf das Auto je lädt (schont den Akku).","car.precondition":"Innenraum jetzt vorheizen","car.preconditioning":"Der Innenraum wird auf {temperature} °C gebracht.","car.saved":"Gespeichert: das Auto plant neu.","car.target_over_limit":"Das Ziel ({target} %) liegt über der Grenze ({limit} %): Grenze erhöhen oder Ziel senken.","car.plan_line":"{target} % bis {time} · {cost}","activity.title":"Verlauf","activity.events":"Ereignisse","activity.audit":"Prüfprotokoll","activity.online":"{device} ist online","activity.offline":"{device} ist offline gegangen","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"an","activity.off":"aus","activity.zone_enter":"{device} hat {space} erreicht","activity.zone_leave":"{device} hat {space} verlassen","activity.arrived":"{person} ist in {space} angekommen","activity.left":"{person} hat {space} verlassen","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Jemand","assistant.placeholder":"Frage oder Befehl, z. B. „Küchenlicht an“","assistant.send":"Senden","assistant.all":"Alle","assistant.cancel":"Abbrechen","assistant.choices":"Wähle eines","notifications.title":"Benachrichtigungen","notifications.mark_read":"Als gelesen markieren","automations.title":"Automationen","automations.last_run":"Zuletzt gelaufen {time}: {outcome}","automations.never":"Noch nie gelaufen","automations.why":"Warum?","automations.run":"Jetzt ausführen","automations.started":"Gestartet.","automations.not_started":"Nicht gestartet: {reason}","automations.why_none":"Keine kürzliche Prüfung ihrer Auslöser hat sie aufgehalten.","automations.enabled":"An","automations.disabled":"Aus","insights.suggestions":"Vorschläge","insights.alerts":"Warnungen","insights.accept":"Annehmen","insights.reject":"Ablehnen","insights.dismiss":"Verwerfen","users.title":"Benutzer und Zugriff","users.create":"Benutzer hinzufügen","users.role":"Rolle","users.display_name":"Anzeigename","users.role.owner":"Eigentümer","users.role.adult":"Erwachsen","users.role.child":"Kind","users.role.guest":"Gast","users.grants":"Zugriff","users.grant":"Zugriff geben","users.revoke":"Entziehen","users.delete":"Benutzer entfernen","users.space":"Bereich","users.rooms":"Räume (keiner angekreuzt: der ganze Bereich)","users.devices":"Geräte-IDs (durch Kommas getrennt, optional)","users.expires":"Läuft ab (optional)","users.whole_space":"ganzer Bereich","users.until":"bis {time}","settings.title":"Einstellungen","settings.language":"Sprache","settings.companion":"Dieses Telefon als Begleiter nutzen (Standort und Akku)","settings.companion_hint":"Meldungen gehen nur an deinen Hub, solange die App offen ist.","settings.push":"Push-Benachrichtigungen","settings.push_on":"Push einschalten","settings.push_done":"Push-Benachrichtigungen sind für diesen Browser an.","settings.push_unavailable":"Push ist nicht verfügbar (dem Hub oder diesem Browser fehlt es).","settings.signed_in_as":"Angemeldet als {name} ({role})","settings.security_notices":"Mir sagen, wenn ein Kind oder Gast eine Tür entriegelt oder die Garage öffnet","users.counts_for_presence":"Sein Telefon zählt dazu, wer zu Hause ist","more.title":"Mehr","error.offline":"Der Hub ist nicht erreichbar. Prüfe die Verbindung und versuche es erneut.","error.generic":"Etwas ist schiefgegangen ({status}).","device.unavailable":"Nicht verfügbar","device.stale":"(zuletzt bekannt)","device.favourite":"Favorit","glance.title":"Auf einen Blick","glance.people":"Zu Hause","glance.nobody":"Niemand","glance.inside":"Innen","glance.doors":"Türen und Schlösser","glance.all_locked":"Alles verriegelt","glance.unlocked_named":"{names} entriegelt","glance.open_count":"{count} offen","glance.doors_closed":"Türen zu","glance.secure":"Verriegelt und zu","glance.energy":"Energie heute","glance.eta":"{place} in {minutes} Min.","glance.charging":"Lädt","glance.locked":"Verriegelt","glance.unlocked":"Entriegelt","glance.open":"Offen","glance.closed":"Zu","glance.motion":"Bewegung jetzt","glance.no_motion":"Keine Bewegung","glance.on":"An","glance.off":"Aus","glance.position":"{value} % offen","glance.battery":"Akku {value} %","scenes.title":"Szenen","scenes.done":"{name}: erledigt","scenes.partial":"{name}: {count} nicht gesetzt ({reason})","spaces.favourites":"Favoriten","spaces.on_count":"{count} an","spaces.all_off":"Alles aus"},spec:{on:"Schalter",brightness:"Helligkeit","color-temperature":"Farbtemperatur",mode:"Modus","target-temperature":"Zieltemperatur","fan-level":"Lüfterstufe",temperature:"Temperatur","outside-temperature":"Außentemperatur","relative-humidity":"Relative Luftfeuchte","electric-power":"Leistung","power-consumption":"Verbrauch",voltage:"Spannung","electric-current":"Strom","battery-level":"Akkustand",charging:"Lädt","charging-state":"Ladezustand","charge-limit":"Ladegrenze",range:"Reichweite",speed:"Geschwindigkeit",odometer:"Kilometerstand",latitude:"Breitengrad",longitude:"Längengrad",heading:"Richtung",locked:"Verriegelt","door-state":"Türzustand","operation-method":"Öffnungsart","motor-control":"Motorsteuerung","current-position":"Aktuelle Position","target-position":"Zielposition",status:"Status","cleaned-area":"Gereinigte Fläche","max-current":"Maximaler Strom",plugged:"Eingesteckt",toggle:"Umschalten","start-sweep":"Reinigung starten","stop-sweeping":"Reinigung stoppen","return-to-dock":"Zur Station","start-charge":"Laden starten","stop-charge":"Laden stoppen",Auto:"Automatisch",Cool:"Kühlen",Dry:"Entfeuchten",Heat:"Heizen",Fan:"Lüften",Low:"Niedrig",Medium:"Mittel",High:"Hoch",Pause:"Pause",Open:"Öffnen",Close:"Schließen",Closed:"Geschlossen",Idle:"Bereit",Charging:"Lädt",Finished:"Fertig",Complete:"Voll",Fault:"Störung",Disconnected:"Nicht verbunden",Plugged:"Eingesteckt",Sweeping:"Reinigt",Paused:"Pausiert",Error:"Fehler",Returning:"Kehrt zurück",Key:"Schlüssel",App:"App",Fingerprint:"Fingerabdruck",Password:"Passwort","reset-filter-life":"Filterlaufzeit zurücksetzen","self-test":"Selbsttest",accuracy:"Genauigkeit","at-home":"Zu Hause",channel:"Kanal","contact-state":"Kontakt geschlossen","filter-life-level":"Filterrestlaufzeit",illumination:"Helligkeit der Umgebung","motion-state":"Bewegung",mute:"Stumm","pm2.5-density":"PM2,5-Konzentration","smoke-concentration":"Rauchkonzentration","smoke-detected":"Rauch erkannt",ssid:"Verbundenes WLAN",volume:"Lautstärke",Eco:"Eco",Favorite:"Favorit","Frost Protection":"Frostschutz",Manual:"Manuell","No Faults":"Keine Störungen","Sensor Fault":"Sensorstörung",Sleep:"Schlafen"}},Vs=Object.freeze(Object.defineProperty({__proto__:null,locale:Fs},Symbol.toStringTag,{value:"Module"})),ns={"app.name":"OrbitHub","app.offline":"Offline: showing the saved app; changes need the hub.","app.live":"Live","app.reconnecting":"Reconnecting…","app.loading":"Loading…","app.retry":"Retry","app.close":"Close","app.save":"Save","app.cancel":"Cancel","app.none":"Nothing here yet.","app.unavailable":"Not available on this hub.","nav.home":"Home","nav.energy":"Energy","nav.activity":"Activity","nav.alerts":"Inbox","nav.more":"More","login.title":"Sign in to OrbitHub","login.username":"User name","login.password":"Password","login.submit":"Sign in","login.failed":"Sign-in failed: {message}","onboarding.title":"Welcome! Create the owner account","onboarding.intro":"This hub has no users yet. The first account owns the hub.","onboarding.display_name":"Your name","onboarding.submit":"Create owner",logout:"Sign out","spaces.rooms_all":"All rooms","spaces.no_room":"Whole space","spaces.empty":"No devices you may see here.","spaces.kind.home":"Home","spaces.kind.office":"Office","spaces.kind.vehicle":"Car","device.online":"Online","device.offline":"Offline","device.read_only":"View only","device.details":"Details","device.confirmed":"{name}: done","device.not_confirmed":"{name}: sent, the device has not confirmed yet","device.not_found":"This device does not exist or you may not see it.","device.history":"History","device.no_history":"No history recorded for this range.","device.back":"Back","device.decrease":"Decrease","device.increase":"Increase","confirm.unlock":"Unlock {name}?","confirm.open":"Open {name}?","confirm.disarm":"Disarm {name}?","confirm.unlock_button":"Unlock","confirm.open_button":"Open","confirm.disarm_button":"Disarm","range.hour":"1 h","range.day":"24 h","range.week":"7 days","range.month":"30 days","energy.title":"Energy","energy.day":"Day","energy.month":"Month","energy.by_device":"By device","energy.by_room":"By room","energy.total":"Total {value} {unit}","car.title":"Car","car.battery":"Battery","car.range":"Range","car.charging":"Charging","car.limit":"Charge limit","car.climate":"Charging, cabin climate and doors","car.location":"Location","car.plan":"Charging plan","car.eta":"Arrival","car.home":"Home","car.office":"Office","car.distance":"{km} km from home","car.eta_line":"{place}: {time} (in {minutes} min)","car.settings":"Charging settings","car.target":"Target by departure (%)","car.departure":"Departure","car.settings_hint":"The plan charges to the target by departure, in the cheapest hours of the tariff; the limit is the most the car ever charges to (kinder to the battery).","car.precondition":"Warm up the cabin now","car.preconditioning":"The cabin is being brought to {temperature} °C.","car.saved":"Saved: the car plans again.","car.target_over_limit":"The target ({target}%) is above the limit ({limit}%): raise the limit or lower the target.","car.plan_line":"{target}% by {time} · {cost}","activity.title":"Activity","activity.events":"Events","activity.audit":"Audit log","activity.online":"{device} is online","activity.offline":"{device} went offline","activity.command":"{actor}: {device} · {property} → {value}","activity.command_call":"{actor}: {device} · {property}","activity.on":"on","activity.off":"off","activity.zone_enter":"{device} entered {space}","activity.zone_leave":"{device} left {space}","activity.arrived":"{person} arrived at {space}","activity.left":"{person} left {space}","activity.automation":"Automation {id}: {outcome}","activity.event":"{device}: {event}","activity.someone":"Someone","assistant.placeholder":"Ask or command, e.g. “turn on the kitchen light”","assistant.send":"Send","assistant.all":"All of them","assistant.cancel":"Cancel","assistant.choices":"Choose one","notifications.title":"Notifications","notifications.mark_read":"Mark read","automations.title":"Automations","automations.last_run":"Last run {time}: {outcome}","automations.never":"Never run","automations.why":"Why?","automations.run":"Run now","automations.started":"Started.","automations.not_started":"Not started: {reason}","automations.why_none":"No recent check of its triggers held it back.","automations.enabled":"On","automations.disabled":"Off","insights.suggestions":"Suggestions","insights.alerts":"Alerts","insights.accept":"Accept","insights.reject":"Reject","insights.dismiss":"Dismiss","users.title":"Users and access","users.create":"Add user","users.role":"Role","users.display_name":"Display name","users.role.owner":"Owner","users.role.adult":"Adult","users.role.child":"Child","users.role.guest":"Guest","users.grants":"Access","users.grant":"Grant access","users.revoke":"Revoke","users.delete":"Remove user","users.space":"Space","users.rooms":"Rooms (none ticked: the whole space)","users.devices":"Device ids (comma-separated, optional)","users.expires":"Expires (optional)","users.whole_space":"whole space","users.until":"until {time}","settings.title":"Settings","settings.language":"Language","settings.companion":"Use this phone as a companion (location and battery)","settings.companion_hint":"Reports go to your hub only, while the app is open.","settings.push":"Push notifications","settings.push_on":"Enable push","settings.push_done":"Push notifications are on for this browser.","settings.push_unavailable":"Push is not available (the hub or this browser lacks it).","settings.signed_in_as":"Signed in as {name} ({role})","settings.security_notices":"Tell me when a child or guest unlocks a door or opens the garage","users.counts_for_presence":"Their phone counts toward who is home","more.title":"More","error.offline":"The hub cannot be reached. Check the connection and try again.","error.generic":"Something went wrong ({status}).","device.unavailable":"Unavailable","device.stale":"(last known)","device.favourite":"Favourite","glance.title":"At a glance","glance.people":"At home","glance.nobody":"Nobody","glance.inside":"Inside","glance.doors":"Doors and locks","glance.all_locked":"All locked","glance.unlocked_named":"{names} unlocked","glance.open_count":"{count} open","glance.doors_closed":"Doors closed","glance.secure":"Locked and closed","glance.energy":"Energy today","glance.eta":"{place} in {minutes} min","glance.charging":"Charging","glance.locked":"Locked","glance.unlocked":"Unlocked","glance.open":"Open","glance.closed":"Closed","glance.motion":"Motion now","glance.no_motion":"No motion","glance.on":"On","glance.off":"Off","glance.position":"{value}% open","glance.battery":"Battery {value}%","scenes.title":"Scenes","scenes.done":"{name}: done","scenes.partial":"{name}: {count} not set ({reason})","spaces.favourites":"Favourites","spaces.on_count":"{count} on","spaces.all_off":"All off"},Ws={code:"en",label:"English",server:"en",messages:ns,spec:{}},Gs=Object.freeze(Object.defineProperty({__proto__:null,locale:Ws,messages:ns},Symbol.toStringTag,{value:"Module"})),Ks=Object.freeze(Object.defineProperty({__proto__:null},Symbol.toStringTag,{value:"Module"})),Zs={code:"zh-CN",label:"简体中文",server:"zh",messages:{"app.name":"OrbitHub","app.offline":"离线：正在显示已保存的应用；操作需要连接到中枢。","app.live":"实时","app.reconnecting":"正在重新连接…","app.loading":"加载中…","app.retry":"重试","app.close":"关闭","app.save":"保存","app.cancel":"取消","app.none":"这里还没有内容。","app.unavailable":"此中枢不提供该功能。","nav.home":"家居","nav.energy":"能耗","nav.activity":"动态","nav.alerts":"消息","nav.more":"更多","login.title":"登录 OrbitHub","login.username":"用户名","login.password":"密码","login.submit":"登录","login.failed":"登录失败：{message}","onboarding.title":"欢迎！请创建所有者账户","onboarding.intro":"此中枢还没有用户。第一个账户将成为所有者。","onboarding.display_name":"你的名字","onboarding.submit":"创建所有者",logout:"退出登录","spaces.rooms_all":"全部房间","spaces.no_room":"整个空间","spaces.empty":"这里没有你可以查看的设备。","spaces.kind.home":"家","spaces.kind.office":"办公室","spaces.kind.vehicle":"汽车","device.online":"在线","device.offline":"离线","device.read_only":"仅可查看","device.details":"详情","device.confirmed":"{name}：已完成","device.not_confirmed":"{name}：已发送，设备尚未确认","device.not_found":"该设备不存在，或你无权查看。","device.history":"历史记录","device.no_history":"该时间段没有历史记录。","device.back":"返回","device.decrease":"减少","device.increase":"增加","confirm.unlock":"要解锁{name}吗？","confirm.open":"要打开{name}吗？","confirm.disarm":"要撤防{name}吗？","confirm.unlock_button":"解锁","confirm.open_button":"打开","confirm.disarm_button":"撤防","range.hour":"1 小时","range.day":"24 小时","range.week":"7 天","range.month":"30 天","energy.title":"能耗","energy.day":"按日","energy.month":"按月","energy.by_device":"按设备","energy.by_room":"按房间","energy.total":"合计 {value} {unit}","car.title":"汽车","car.battery":"电量","car.range":"续航","car.charging":"充电","car.limit":"充电上限","car.climate":"充电、车内空调与车门","car.location":"位置","car.plan":"充电计划","car.eta":"预计到达","car.home":"家","car.office":"办公室","car.distance":"距家 {km} 公里","car.eta_line":"{place}：{time}（{minutes} 分钟后）","car.settings":"充电设置","car.target":"出发前充到（%）","car.departure":"出发时间","car.settings_hint":"计划在出发前、按电价最便宜的时段充到目标电量；上限是车最多充到的电量（更保护电池）。","car.precondition":"现在预热车厢","car.preconditioning":"车厢正在调到 {temperature} °C。","car.saved":"已保存：车辆已重新规划充电。","car.target_over_limit":"目标（{target}%）高于上限（{limit}%）：请提高上限或降低目标。","car.plan_line":"{time} 前充到 {target}% · {cost}","activity.title":"动态","activity.events":"事件","activity.audit":"审计日志","activity.online":"{device} 已上线","activity.offline":"{device} 已离线","activity.command":"{actor}：{device} · {property} → {value}","activity.command_call":"{actor}：{device} · {property}","activity.on":"开","activity.off":"关","activity.zone_enter":"{device} 进入了 {space}","activity.zone_leave":"{device} 离开了 {space}","activity.arrived":"{person} 到达 {space}","activity.left":"{person} 离开 {space}","activity.automation":"自动化 {id}：{outcome}","activity.event":"{device}：{event}","activity.someone":"有人","assistant.placeholder":"提问或下达指令，例如“打开厨房灯”","assistant.send":"发送","assistant.all":"全部","assistant.cancel":"取消","assistant.choices":"选择一个","notifications.title":"通知","notifications.mark_read":"标为已读","automations.title":"自动化","automations.last_run":"上次运行 {time}：{outcome}","automations.never":"从未运行","automations.why":"为什么？","automations.run":"立即运行","automations.started":"已开始运行。","automations.not_started":"未运行：{reason}","automations.why_none":"最近没有被拦下的触发检查。","automations.enabled":"已启用","automations.disabled":"已停用","insights.suggestions":"建议","insights.alerts":"警报","insights.accept":"采纳","insights.reject":"拒绝","insights.dismiss":"忽略","users.title":"用户与权限","users.create":"添加用户","users.role":"角色","users.display_name":"显示名称","users.role.owner":"所有者","users.role.adult":"成人","users.role.child":"儿童","users.role.guest":"访客","users.grants":"访问权限","users.grant":"授予权限","users.revoke":"撤销","users.delete":"删除用户","users.space":"空间","users.rooms":"房间（不勾选即整个空间）","users.devices":"设备 ID（逗号分隔，可选）","users.expires":"到期时间（可选）","users.whole_space":"整个空间","users.until":"至 {time}","settings.title":"设置","settings.language":"语言","settings.companion":"将此手机用作伴侣设备（位置和电量）","settings.companion_hint":"仅在应用打开时上报，且只发送到你的中枢。","settings.push":"推送通知","settings.push_on":"开启推送","settings.push_done":"此浏览器已开启推送通知。","settings.push_unavailable":"推送不可用（中枢或此浏览器不支持）。","settings.signed_in_as":"当前用户：{name}（{role}）","settings.security_notices":"孩子或访客开锁、打开车库门时通知我","users.counts_for_presence":"其手机计入在家人员","more.title":"更多","error.offline":"无法连接到中枢。请检查网络后重试。","error.generic":"出错了（{status}）。","device.unavailable":"不可用","device.stale":"（最后已知）","device.favourite":"收藏","glance.title":"概览","glance.people":"在家","glance.nobody":"没有人","glance.inside":"室内","glance.doors":"门和门锁","glance.all_locked":"全部已锁","glance.unlocked_named":"{names}未锁","glance.open_count":"{count} 个开着","glance.doors_closed":"门已关","glance.secure":"已锁好，门已关","glance.energy":"今日用电","glance.eta":"{minutes} 分钟后到{place}","glance.charging":"充电中","glance.locked":"已上锁","glance.unlocked":"未上锁","glance.open":"开着","glance.closed":"关着","glance.motion":"有人移动","glance.no_motion":"无人移动","glance.on":"开","glance.off":"关","glance.position":"开 {value}%","glance.battery":"电量 {value}%","scenes.title":"场景","scenes.done":"{name}：完成","scenes.partial":"{name}：{count} 项未设置（{reason}）","spaces.favourites":"收藏","spaces.on_count":"{count} 个开着","spaces.all_off":"全部关闭"},spec:{on:"开关",brightness:"亮度","color-temperature":"色温",mode:"模式","target-temperature":"目标温度","fan-level":"风速",temperature:"温度","outside-temperature":"车外温度","relative-humidity":"相对湿度","electric-power":"功率","power-consumption":"用电量",voltage:"电压","electric-current":"电流","battery-level":"电量",charging:"充电中","charging-state":"充电状态","charge-limit":"充电上限",range:"续航",speed:"速度",odometer:"里程",latitude:"纬度",longitude:"经度",heading:"方向",locked:"已上锁","door-state":"门状态","operation-method":"开锁方式","motor-control":"电机控制","current-position":"当前位置","target-position":"目标位置",status:"状态","cleaned-area":"清扫面积","max-current":"最大电流",plugged:"已插枪",toggle:"切换","start-sweep":"开始清扫","stop-sweeping":"停止清扫","return-to-dock":"回充","start-charge":"开始充电","stop-charge":"停止充电",Auto:"自动",Cool:"制冷",Dry:"除湿",Heat:"制热",Fan:"送风",Low:"低",Medium:"中",High:"高",Pause:"暂停",Open:"打开",Close:"关闭",Closed:"已关闭",Idle:"空闲",Charging:"充电中",Finished:"已完成",Complete:"已充满",Fault:"故障",Disconnected:"未连接",Plugged:"已插枪",Sweeping:"清扫中",Paused:"已暂停",Error:"错误",Returning:"返回中",Key:"钥匙",App:"应用",Fingerprint:"指纹",Password:"密码","reset-filter-life":"重置滤芯寿命","self-test":"自检",accuracy:"定位精度","at-home":"在家",channel:"频道","contact-state":"门窗关闭","filter-life-level":"滤芯剩余寿命",illumination:"光照度","motion-state":"有人移动",mute:"静音","pm2.5-density":"PM2.5 浓度","smoke-concentration":"烟雾浓度","smoke-detected":"检测到烟雾",ssid:"已连接的 Wi-Fi",volume:"音量",Eco:"节能",Favorite:"最爱","Frost Protection":"防冻",Manual:"手动","No Faults":"无故障","Sensor Fault":"传感器故障",Sleep:"睡眠"}},Js=Object.freeze(Object.defineProperty({__proto__:null,locale:Zs},Symbol.toStringTag,{value:"Module"})),Ys=Object.assign({"./locales/de.ts":Vs,"./locales/en.ts":Gs,"./locales/locale.ts":Ks,"./locales/zh-CN.ts":Js}),ee=Object.values(Ys).map(t=>t.locale).filter(t=>t!==void 0).sort((t,e)=>t.code==="en"?-1:e.code==="en"?1:t.code.localeCompare(e.code)),is=ee.map(({code:t,label:e})=>({code:t,label:e})),rs="orbithub.language",ot=new EventTarget;function ct(t){if(!t)return null;const e=t.toLowerCase(),s=ee.find(n=>n.code.toLowerCase()===e);if(s)return s.code;const i=e.split("-")[0];return ee.find(n=>n.code.toLowerCase().split("-")[0]===i)?.code??null}function Xs(){const t=ct(localStorage.getItem(rs));if(t)return t;for(const e of navigator.languages??[navigator.language]){const s=ct(e);if(s)return s}return"en"}let N=Xs(),ye=ee.find(t=>t.code===N)??ee[0];document.documentElement.lang=N;function L(){return N}function Ke(){return ye.server}function as(t){const e=ct(t);e&&(localStorage.setItem(rs,e),e!==N&&(N=e,ye=ee.find(s=>s.code===N)??ee[0],document.documentElement.lang=e,ot.dispatchEvent(new Event("change"))))}function Qs(t){return ot.addEventListener("change",t),()=>ot.removeEventListener("change",t)}function o(t,e={}){return ye.messages[t].replace(/\{(\w+)\}/g,(i,n)=>String(e[n]??`{${n}}`))}function De(t,e){return ye.spec[t]??ye.spec[e]??e}function S(t,e=[]){return ye.server!=="zh"?t:e.find(s=>/[\u4e00-\u9fff]/.test(s))??t}const en={celsius:"°C",percentage:"%",kelvin:"K",watt:"W",kWh:"kWh",volt:"V",ampere:"A",km:"km","km/h":"km/h",meters:"m",m2:"m²",degree:"°"};function Re(t){return!t||t==="none"?"":en[t]??t}function te(t,e){const s={month:"short",day:"numeric",hour:"2-digit",minute:"2-digit"};try{return new Date(t*1e3).toLocaleString(N,{...s,timeZone:e})}catch{return new Date(t*1e3).toLocaleString(N,s)}}function _(t,e=1){return t.toLocaleString(N,{maximumFractionDigits:e})}const nt="orbithub.tokens";class W extends Error{constructor(e,s,i,n=null){super(i),this.status=e,this.code=s,this.detail=n}get missing(){return this.status===404||this.status===503}}class tn extends EventTarget{constructor(){super(),this.tokens=null,this.reachable=!0,this.refreshing=null;try{this.tokens=JSON.parse(localStorage.getItem(nt)??"null")}catch{this.tokens=null}}get signedIn(){return this.tokens!==null}get accessToken(){return this.tokens?.access_token??null}keep(e){this.tokens={access_token:e.access_token,refresh_token:e.refresh_token},localStorage.setItem(nt,JSON.stringify(this.tokens)),this.dispatchEvent(new Event("tokens"))}forget(){this.tokens=null,localStorage.removeItem(nt),this.dispatchEvent(new Event("signedout"))}async login(e,s){const i=await this.request("POST","/api/auth/login",{username:e,password:s},!1);return this.keep(i),i.user}async logout(){const e=this.tokens?.refresh_token;e&&await this.request("POST","/api/auth/logout",{refresh_token:e},!1).catch(()=>null),this.forget()}refresh(){if(this.refreshing)return this.refreshing;const e=this.tokens?.refresh_token;return e?(this.refreshing=this.request("POST","/api/auth/refresh",{refresh_token:e},!1).then(s=>(this.keep(s),!0)).catch(s=>(s instanceof W&&s.status!==0&&this.forget(),!1)).finally(()=>{this.refreshing=null}),this.refreshing):Promise.resolve(!1)}get(e){return this.request("GET",e)}async optional(e){try{return await this.get(e)}catch(s){if(s instanceof W&&s.missing)return null;throw s}}async request(e,s,i,n=!0){let r=await this.send(e,s,i,n);if(r.status===401&&n&&await this.refresh()&&(r=await this.send(e,s,i,n)),r.status===401&&n&&this.forget(),!r.ok)throw await sn(r);if(r.status===204)return;const a=await r.text();return a?JSON.parse(a):void 0}async send(e,s,i,n){const r={Accept:"application/json"};i!==void 0&&(r["Content-Type"]="application/json"),n&&this.tokens&&(r.Authorization=`Bearer ${this.tokens.access_token}`);try{const a=await fetch(s,{method:e,headers:r,body:i===void 0?void 0:JSON.stringify(i)});return this.setReachable(!0),a}catch{throw this.setReachable(!1),new W(0,"offline",o("error.offline"))}}setReachable(e){e!==this.reachable&&(this.reachable=e,this.dispatchEvent(new Event("reachability")))}}async function sn(t){try{const e=await t.json(),s=e.message??(typeof e.detail=="string"?e.detail:null);return new W(t.status,e.code??"error",s??o("error.generic",{status:t.status}),e.detail??null)}catch{return new W(t.status,"error",o("error.generic",{status:t.status}))}}const g=new tn;function b(t){return t instanceof Error?t.message:String(t)}const $t="orbithub.cache.";function Ze(t,e){try{localStorage.setItem($t+t,JSON.stringify(e))}catch{}}function ze(t){try{return JSON.parse(localStorage.getItem($t+t)??"null")}catch{return null}}function nn(){for(const t of Object.keys(localStorage))t.startsWith($t)&&localStorage.removeItem(t)}const os="orbithub.companion",Je="orbithub.companion.phone",rn=6e4;let Oe=null,Mt=0;function cs(){return localStorage.getItem(os)==="on"}async function an(t){localStorage.setItem(os,t?"on":"off"),t?await ls():wt()}async function ls(){if(!cs()||Oe!==null)return;const t=await cn(),e=await Nt();if(!("geolocation"in navigator)){e&&await it(t,{battery:e});return}Oe=navigator.geolocation.watchPosition(s=>{const i=Date.now();if(i-Mt<rn)return;Mt=i;const{latitude:n,longitude:r,accuracy:a,speed:d}=s.coords;Nt().then(l=>it(t,{location:{latitude:n,longitude:r,accuracy:a,speed:d},...l?{battery:l}:{}}))},()=>{e&&it(t,{battery:e})},{enableHighAccuracy:!1,maximumAge:6e4})}function on(){wt(),localStorage.removeItem(Je)}function wt(){Oe!==null&&navigator.geolocation.clearWatch(Oe),Oe=null}async function cn(){const t=JSON.parse(localStorage.getItem(Je)??"null");if(t)return t;const e=navigator.userAgent.includes("Mobile")?"Phone (web app)":"Browser (web app)",s=await g.request("POST","/api/companion/register",{name:e});return localStorage.setItem(Je,JSON.stringify(s)),s}async function Nt(){const t=navigator;if(!t.getBattery)return null;try{const e=await t.getBattery();return{level:Math.round(e.level*100),charging:e.charging}}catch{return null}}async function it(t,e){(await fetch("/api/companion/report",{method:"POST",headers:{"Content-Type":"application/json",Authorization:`Bearer ${t.token}`},body:JSON.stringify({...e,time:Date.now()/1e3})}).catch(()=>null))?.status===401&&(localStorage.removeItem(Je),wt())}const us="orbithub.favourites.",Ye=new EventTarget;let Ue="";function jt(t){Ue=t,Ye.dispatchEvent(new Event("change"))}function _t(){if(!Ue)return[];try{const t=JSON.parse(localStorage.getItem(us+Ue)??"[]");return Array.isArray(t)?t.filter(e=>typeof e=="string"):[]}catch{return[]}}function Ht(t){return _t().includes(t)}function ln(t,e){if(!Ue)return;const s=_t().filter(i=>i!==t);e&&s.push(t);try{localStorage.setItem(us+Ue,JSON.stringify(s))}catch{}Ye.dispatchEvent(new Event("change"))}function ds(t){return Ye.addEventListener("change",t),()=>Ye.removeEventListener("change",t)}class un extends EventTarget{constructor(){super(...arguments),this.devices=new Map,this.specs=new Map}get(e){return this.devices.get(e)}all(){return[...this.devices.values()]}put(e){for(const s of e){const i=this.devices.get(s.id);this.devices.set(s.id,{...s,spec:s.spec??i?.spec}),s.spec&&this.specs.set(s.id,Promise.resolve(s.spec))}this.changed()}setValue(e,s,i,n){const r=this.devices.get(e);if(!r)return;const a={...r.state,[s]:{...r.state[s],value:i,last_changed:n}};this.devices.set(e,{...r,state:a}),this.changed()}setOnline(e,s){const i=this.devices.get(e);i&&(this.devices.set(e,{...i,online:s}),this.changed())}spec(e){let s=this.specs.get(e);return s||(s=g.get(`/api/devices/${encodeURIComponent(e)}`).then(i=>(this.put([i]),i.spec??null)).catch(()=>(this.specs.delete(e),null)),this.specs.set(e,s)),s}clear(){this.devices.clear(),this.specs.clear(),this.changed()}changed(){this.dispatchEvent(new Event("change"))}}const y=new un,dn=500,hn=3e4,pn=new Set([1008,4001,4401,4403]);class gn extends EventTarget{constructor(){super(),this.status="offline",this.socket=null,this.subscription={},this.lastSeq=null,this.epoch=null,this.attempts=0,this.running=!1,g.addEventListener("tokens",()=>{const e=g.accessToken;e&&this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"auth",token:e}))})}start(){this.running||(this.running=!0,this.connect())}stop(){this.running=!1,window.clearTimeout(this.timer),this.socket?.close(1e3),this.socket=null,this.lastSeq=null,this.epoch=null,this.setStatus("offline")}follow(e){const s=JSON.stringify(e)===JSON.stringify(this.subscription);this.subscription=e,s||(this.lastSeq=null,this.sendSubscribe())}connect(){const e=g.accessToken;if(!this.running||!e)return;this.setStatus("connecting");const s=location.protocol==="https:"?"wss":"ws",i=new WebSocket(`${s}://${location.host}/api/ws`);this.socket=i,i.onopen=()=>{i.send(JSON.stringify({type:"auth",token:e})),this.sendSubscribe()},i.onmessage=n=>{let r;try{r=JSON.parse(String(n.data))}catch{return}this.attempts=0,this.setStatus("live"),this.handle(r)},i.onclose=n=>{this.socket===i&&(this.socket=null,this.setStatus("offline"),this.running&&(pn.has(n.code)?g.refresh().then(r=>r&&this.schedule()):this.schedule()))}}schedule(){const e=Math.min(hn,dn*2**this.attempts);this.attempts+=1,window.clearTimeout(this.timer),this.timer=window.setTimeout(()=>this.connect(),e/2+Math.random()*(e/2))}sendSubscribe(){this.socket?.readyState===WebSocket.OPEN&&this.socket.send(JSON.stringify({type:"subscribe",spaces:this.subscription.spaces??[],rooms:this.subscription.rooms??[],devices:this.subscription.devices??[],since_seq:this.lastSeq,epoch:this.lastSeq===null?null:this.epoch}))}handle(e){switch(typeof e.epoch=="string"&&e.epoch!==this.epoch&&(this.epoch=e.epoch,this.lastSeq=null),typeof e.seq=="number"&&(this.lastSeq=Math.max(this.lastSeq??0,e.seq)),e.type){case"snapshot":typeof e.seq=="number"&&(this.lastSeq=e.seq),y.put(e.devices);break;case"changed":{const s=e;y.setValue(s.device_id,s.path,s.value,s.time);break}case"online":{const s=e;y.setOnline(s.device_id,s.online);break}case"resync":this.lastSeq=null;break}this.dispatchEvent(new CustomEvent("message",{detail:e}))}setStatus(e){e!==this.status&&(this.status=e,this.dispatchEvent(new Event("status")))}}const O=new gn;class mn extends EventTarget{constructor(){super(),this.wasLive=!1,this.last=!1;const e=()=>this.check();window.addEventListener("online",e),window.addEventListener("offline",e),g.addEventListener("reachability",e),g.addEventListener("signedout",()=>{this.wasLive=!1,this.check()}),O.addEventListener("status",()=>{O.status==="live"&&(this.wasLive=!0,g.setReachable(!0)),this.check()})}get stale(){return!navigator.onLine||!g.reachable||this.wasLive&&O.status!=="live"}check(){const e=this.stale;e!==this.last&&(this.last=e,this.dispatchEvent(new Event("change")))}}const fe=new mn;class E extends Ce{constructor(){super(...arguments),this.watchesDevices=!1,this.stopLanguage=null,this.onStore=()=>this.requestUpdate()}connectedCallback(){super.connectedCallback(),this.stopLanguage=Qs(()=>this.requestUpdate()),this.watchesDevices&&(y.addEventListener("change",this.onStore),fe.addEventListener("change",this.onStore))}disconnectedCallback(){super.disconnectedCallback(),this.stopLanguage?.(),y.removeEventListener("change",this.onStore),fe.removeEventListener("change",this.onStore)}}const C=P`
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
`;var fn=Object.defineProperty,vn=Object.getOwnPropertyDescriptor,et=(t,e,s,i)=>{for(var n=i>1?void 0:i?vn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&fn(e,s,n),n};let $e=class extends E{constructor(){super(...arguments),this.onboarding=null,this.error="",this.busy=!1}connectedCallback(){super.connectedCallback(),g.get("/api/onboarding").then(t=>this.onboarding=t.needed,t=>{this.onboarding=!1,this.error=b(t)})}render(){const t=this.onboarding===!0;return c`
      <section class="card">
        <h1>${o(t?"onboarding.title":"login.title")}</h1>
        ${t?c`<p>${o("onboarding.intro")}</p>`:u}
        <form @submit=${this.submit}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="username" autocapitalize="none" /></label>
          ${t?c`<label>${o("onboarding.display_name")}<input type="text" name="display_name" autocomplete="name" /></label>`:u}
          <label>${o("login.password")}
            <input type="password" name="password" required autocomplete=${t?"new-password":"current-password"} /></label>
          <button class="primary" ?disabled=${this.busy||this.onboarding===null}>
            ${o(t?"onboarding.submit":"login.submit")}</button>
        </form>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        <label>${o("settings.language")}
          <select @change=${e=>as(e.target.value)}>
            ${is.map(e=>c`<option value=${e.code} ?selected=${e.code===L()}>${e.label}</option>`)}
          </select>
        </label>
      </section>
    `}async submit(t){t.preventDefault();const e=new FormData(t.target),s=String(e.get("username")??"").trim(),i=String(e.get("password")??"");this.busy=!0,this.error="";try{if(this.onboarding){const n=await g.request("POST","/api/onboarding",{username:s,password:i,display_name:String(e.get("display_name")||s),language:L()},!1);g.keep(n)}else await g.login(s,i);this.dispatchEvent(new CustomEvent("signedin",{bubbles:!0,composed:!0}))}catch(n){this.error=o("login.failed",{message:b(n)})}finally{this.busy=!1}}};$e.styles=[C,P`:host { max-width: 420px; margin: 2rem auto; } form { margin-top: 1rem; }`];et([p()],$e.prototype,"onboarding",2);et([p()],$e.prototype,"error",2);et([p()],$e.prototype,"busy",2);$e=et([A("orbit-login")],$e);const bn=["temperature-humidity-sensor.temperature","environment.temperature"],yn=["temperature-humidity-sensor.relative-humidity","environment.relative-humidity"];function M(t,e){return t.state[e]?.value}function hs(t,e){for(const s of e){const i=M(t,s);if(typeof i=="number")return i}return null}function ve(t){return hs(t,bn)}function ps(t){return hs(t,yn)}function kt(t){for(const[e,s]of Object.entries(t.state))if(e.endsWith(".on")&&typeof s.value=="boolean")return s.value;return null}function lt(t){const e=M(t,"lock.locked");return typeof e=="boolean"?e:null}function ut(t){const e=M(t,"magnet-sensor.contact-state");return typeof e=="boolean"?!e:null}function $n(t){if(!t.online)return o("device.unavailable");const e=lt(t);if(e!==null)return o(e?"glance.locked":"glance.unlocked");const s=ut(t);if(s!==null)return o(s?"glance.open":"glance.closed");const i=M(t,"motion-sensor.motion-state");if(typeof i=="boolean")return o(i?"glance.motion":"glance.no_motion");const n=[],r=kt(t);r!==null&&n.push(o(r?"glance.on":"glance.off"));const a=M(t,"light.brightness");r&&typeof a=="number"&&n.push(`${_(a,0)}%`);const d=M(t,"curtain.current-position");typeof d=="number"&&n.push(o("glance.position",{value:_(d,0)}));const l=ve(t);l!==null&&n.push(`${_(l,1)}°C`);const h=ps(t);h!==null&&r===null&&n.push(`${_(h,0)}%`);const m=M(t,"environment.pm2.5-density");typeof m=="number"&&n.push(`PM2.5 ${_(m,0)}`);const f=M(t,"battery.battery-level");n.length===0&&typeof f=="number"&&n.push(o("glance.battery",{value:_(f,0)}));const v=M(t,"power-meter.electric-power");return typeof v=="number"&&v>=1&&n.push(v>=1e3?`${_(v/1e3,1)} kW`:`${_(v,0)} W`),n.join(" · ")}const pe={ATTRIBUTE:1,PROPERTY:3,BOOLEAN_ATTRIBUTE:4},wn=t=>(...e)=>({_$litDirective$:t,values:e});class _n{constructor(e){}get _$AU(){return this._$AM._$AU}_$AT(e,s,i){this._$Ct=e,this._$AM=s,this._$Ci=i}_$AS(e,s){return this.update(e,s)}update(e,s){return this.render(...s)}}const kn=t=>t.strings===void 0,xn={},Sn=(t,e=xn)=>t._$AH=e;const qt=wn(class extends _n{constructor(t){if(super(t),t.type!==pe.PROPERTY&&t.type!==pe.ATTRIBUTE&&t.type!==pe.BOOLEAN_ATTRIBUTE)throw Error("The `live` directive is not allowed on child or event bindings");if(!kn(t))throw Error("`live` bindings can only contain a single expression")}render(t){return t}update(t,[e]){if(e===R||e===u)return e;const s=t.element,i=t.name;if(t.type===pe.PROPERTY){if(e===s[i])return R}else if(t.type===pe.BOOLEAN_ATTRIBUTE){if(!!e===s.hasAttribute(i))return R}else if(t.type===pe.ATTRIBUTE&&s.getAttribute(i)===e+"")return R;return Sn(t),e}}),An=new Set(["int8","int16","int32","int64","uint8","uint16","uint32","uint64","float"]);function gs(t){const e=[];for(const s of t.services)for(const i of s.properties){const n=En(i);n&&e.push(n)}for(const s of t.services)for(const i of s.actions)i.in.length===0&&e.push({kind:"action",action:i});return e}function En(t){const e=t.access.includes("write"),s=t.access.includes("read");if(e&&t.values&&t.values.length>0)return{kind:"choice",prop:t,options:t.values};if(e&&t.format==="bool")return{kind:"toggle",prop:t};if(e&&An.has(t.format)&&t.range){const[i,n,r]=t.range;return{kind:"slider",prop:t,min:i,max:n,step:r>0?r:1}}return s?{kind:"readout",prop:t}:null}function Cn(t){const e=gs(t).filter(s=>s.kind==="toggle").map(s=>s.prop);return e.find(s=>s.name==="on")??e[0]??null}function Pe(t){return De(t.name,t.description||t.name)}function me(t,e){if(e==null)return"–";if(t.values){const s=t.values.find(i=>i.value===e);if(s)return De(s.description,s.description)}if(typeof e=="boolean")return e?"✓":"✗";if(typeof e=="number"){const s=t.range?.[2]??.1,i=s>=1?0:Math.min(6,Math.ceil(-Math.log10(s))),n=Re(t.unit);return`${_(e,i)}${n&&n!=="%"&&n!=="°C"&&n!=="°"?" ":""}${n}`}return String(e)}function rt(t,e,s,i){const n=e+Math.round((t-e)/i)*i,r=Math.min(s,Math.max(e,n));return Number(r.toFixed(6))}var On=Object.defineProperty,Pn=Object.getOwnPropertyDescriptor,F=(t,e,s,i)=>{for(var n=i>1?void 0:i?Pn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&On(e,s,n),n};let D=class extends E{constructor(){super(...arguments),this.deviceId="",this.full=!1,this.tile=!1,this.spec=null,this.pending=null,this.error="",this.note="",this.confirming=null,this.watchesDevices=!0}willUpdate(t){t.has("deviceId")&&(this.spec=y.get(this.deviceId)?.spec??null,this.spec||y.spec(this.deviceId).then(e=>this.spec=e))}render(){const t=y.get(this.deviceId);if(!t)return u;const e=this.spec,s=e?Cn(e):null;if(this.tile)return this.renderTile(t,s);const i=e?gs(e).filter(a=>!(a.kind==="toggle"&&a.prop===s)):[],n=this.full?i:i.filter(a=>(a.kind!=="readout"||Ln(a.prop))&&!(a.kind==="action"&&s&&a.action.name==="toggle")),r=S(t.name,t.aliases);return c`
      <section class="card ${this.pending?"busy":""}" data-device=${t.id} aria-label=${r}>
        <header>
          <span class="dot ${t.online?"":"off"}" title=${o(t.online?"device.online":"device.offline")}></span>
          <a href="#/device/${encodeURIComponent(t.id)}">
            <strong>${r}</strong>
            <span class="muted">${t.online?"":o("device.offline")}${t.controllable?"":` ${o("device.read_only")}`}${fe.stale?` ${o("device.stale")}`:""}</span>
          </a>
          ${s?this.toggle(t,s,r):u}
        </header>
        ${n.filter(a=>a.kind!=="action").map(a=>this.control(t,a))}
        ${this.actions(t,n)}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        ${this.note?c`<p class="muted" role="status">${this.note}</p>`:u}
        ${this.confirming?this.confirmation(this.confirming,r):u}
      </section>
    `}renderTile(t,e){const s=S(t.name,t.aliases),i=[t.controllable?"":o("device.read_only"),fe.stale?o("device.stale"):""],n=[$n(t),...i].filter(a=>a).join(" · "),r=`${t.online?kt(t)?"on":"":"unavailable"} ${fe.stale?"stale":""}`;return c`<section class="tile ${r} ${this.pending?"busy":""}" data-device=${t.id} aria-label=${s}>
      <a href="#/device/${encodeURIComponent(t.id)}">
        <strong>${s}</strong>
        <span class="line" data-line>${n}</span>
      </a>
      ${e?this.toggle(t,e,s):u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.note?c`<p class="muted note" role="status">${this.note}</p>`:u}
      ${this.confirming?this.confirmation(this.confirming,s):u}
    </section>`}confirmation(t,e){const s=o(Tn[t.verb],{name:e});return c`<div class="confirm" role="alertdialog" aria-modal="true" aria-label=${s}
      @keydown=${i=>i.key==="Escape"&&this.cancelConfirmation()}>
      <div>
        <p>${s}</p>
        <div class="row">
          <button @click=${()=>this.cancelConfirmation()}>${o("app.cancel")}</button>
          <button class="danger" autofocus @click=${()=>this.confirmCommand(t)}>${o(In[t.verb])}</button>
        </div>
      </div>
    </div>`}updated(){this.confirming&&this.renderRoot.querySelector(".confirm .danger")?.focus()}cancelConfirmation(){this.confirming=null}async confirmCommand(t){this.confirming=null,await this.run(t.key,t.device,()=>t.send(!0))}toggle(t,e,s){const i=t.state[e.path]?.value===!0;return c`<button
      role="switch"
      aria-checked=${i?"true":"false"}
      aria-label="${s}: ${Pe(e)}"
      data-path=${e.path}
      ?disabled=${!at(t)||this.pending===e.path}
      @click=${()=>this.write(t,e,!i)}
    ></button>`}control(t,e){if(e.kind==="action")return u;const s=e.prop,i=t.state[s.path]?.value,n=Pe(s),r=!at(t)||this.pending===s.path;switch(e.kind){case"toggle":return c`<div class="control"><div class="row">
          <span>${n}</span>${this.toggle(t,s,n)}
        </div></div>`;case"slider":{const a=typeof i=="number"?i:e.min,{min:d,max:l,step:h}=e;return c`<div class="control" data-path=${s.path}>
          <div class="row"><span>${n}</span><span class="value">${me(s,i)}</span></div>
          <div class="row">
            <button class="step" aria-label="${n}: ${o("device.decrease")}" ?disabled=${r||a<=d}
              @click=${()=>this.write(t,s,rt(a-h,d,l,h))}>−</button>
            <input type="range" min=${d} max=${l} step=${h} .value=${qt(String(a))}
              aria-label=${n} aria-valuetext=${me(s,i)} ?disabled=${r}
              @change=${m=>this.write(t,s,rt(Number(m.target.value),d,l,h))} />
            <button class="step" aria-label="${n}: ${o("device.increase")}" ?disabled=${r||a>=l}
              @click=${()=>this.write(t,s,rt(a+h,d,l,h))}>+</button>
          </div>
          ${this.full?c`<div class="row between muted"><span>${d}${Re(s.unit)}</span><span>${l}${Re(s.unit)}</span></div>`:u}
        </div>`}case"choice":return e.options.length>5?c`<div class="control" data-path=${s.path}><label>${n}
            <select ?disabled=${r} .value=${qt(String(i??""))}
              @change=${a=>this.write(t,s,Number(a.target.value))}>
              ${e.options.map(a=>c`<option value=${a.value}>${me(s,a.value)}</option>`)}
            </select></label></div>`:c`<div class="control" data-path=${s.path}><span>${n}</span>
          <div class="segments" role="group" aria-label=${n}>
            ${e.options.map(a=>c`<button aria-pressed=${a.value===i?"true":"false"} ?disabled=${r}
                @click=${()=>this.write(t,s,a.value)}>${me(s,a.value)}</button>`)}
          </div></div>`;case"readout":return c`<div class="control row between" data-path=${s.path}>
          <span class="muted">${n}</span><span class="value">${me(s,i)}</span>
        </div>`}}actions(t,e){const s=e.filter(i=>i.kind==="action");return s.length===0?u:c`<div class="actions">
      ${s.map(({action:i})=>c`<button ?disabled=${!at(t)||this.pending===i.path}
          @click=${()=>this.call(t,i)}>${Pe(i)}</button>`)}
    </div>`}async write(t,e,s){const i=`/api/devices/${encodeURIComponent(t.id)}/properties/${encodeURIComponent(e.path)}`,n=async r=>{const a=await g.request("PUT",i,r?{value:s,confirm:r}:{value:s});return a.confirmed&&y.setValue(t.id,e.path,a.value??s),a};await this.run(e.path,t,()=>n(!1),{verb:Bt(e.name,s),send:n})}async call(t,e){const s=`/api/devices/${encodeURIComponent(t.id)}/actions/${encodeURIComponent(e.path)}`,i=n=>g.request("POST",s,n?{arguments:{},confirm:n}:{arguments:{}});await this.run(e.path,t,()=>i(!1),{verb:Bt(e.name,null),send:i})}async run(t,e,s,i){this.pending=t,this.error="",this.note="";try{const n=await s();n.confirmed||(this.note=n.message||o("device.not_confirmed",{name:e.name}))}catch(n){i&&n instanceof W&&n.status===409&&n.code==="confirmation_required"?this.confirming={key:t,device:e,...i}:(this.error=b(n),this.requestUpdate())}finally{this.pending=null}}};D.styles=[C,P`
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
    `];F([x({attribute:"device-id"})],D.prototype,"deviceId",2);F([x({type:Boolean})],D.prototype,"full",2);F([x({type:Boolean,reflect:!0})],D.prototype,"tile",2);F([p()],D.prototype,"spec",2);F([p()],D.prototype,"pending",2);F([p()],D.prototype,"error",2);F([p()],D.prototype,"note",2);F([p()],D.prototype,"confirming",2);D=F([A("orbit-device-card")],D);const Tn={unlock:"confirm.unlock",open:"confirm.open",disarm:"confirm.disarm"},In={unlock:"confirm.unlock_button",open:"confirm.open_button",disarm:"confirm.disarm_button"};function Bt(t,e){return t==="locked"||t.includes("lock")?"unlock":t.includes("arm")||typeof e=="string"&&e.includes("disarm")?"disarm":"open"}function Ln(t){return["temperature","relative-humidity","battery-level","electric-power","current-position","status","charging-state","range","door-state"].includes(t.name)}function at(t){return t.controllable&&t.online&&!fe.stale}let dt=0,ms=0;function fs(t){Number.isFinite(t)&&(dt=t,ms=Date.now()/1e3)}function ht(){return dt===0?Date.now()/1e3:dt+(Date.now()/1e3-ms)}var Dn=Object.defineProperty,Rn=Object.getOwnPropertyDescriptor,Ne=(t,e,s,i)=>{for(var n=i>1?void 0:i?Rn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Dn(e,s,n),n};let se=class extends E{constructor(){super(...arguments),this.spaceId="",this.summary=null,this.presence=null,this.car=null,this.watchesDevices=!0}willUpdate(t){t.has("spaceId")&&this.spaceId&&this.load()}async load(){const t=encodeURIComponent(this.spaceId),[e,s,i]=await Promise.all([g.get(`/api/summary?space_id=${t}`).catch(()=>ze(`summary.${this.spaceId}`)),g.get("/api/presence").catch(()=>null),g.get("/api/vehicles").catch(()=>null)]);e&&(fs(e.now),Ze(`summary.${this.spaceId}`,e)),this.summary=e,this.presence=s,this.car=i?.[0]??null}render(){const t=y.all().filter(e=>e.space_id===this.spaceId);return c`<div class="glance" role="group" aria-label=${o("glance.title")} data-summary>
      ${this.people()} ${this.climate(t)} ${this.security(t)} ${this.energy()} ${this.vehicle()}
    </div>`}people(){const t=this.presence?.find(s=>s.space_id===this.spaceId);if(!t)return u;const e=t.people.map(s=>s.person.charAt(0).toUpperCase()+s.person.slice(1));return c`<div class="item" data-glance="people">
      <span>${o("glance.people")}</span><b>${e.length?e.join(", "):o("glance.nobody")}</b>
    </div>`}climate(t){const e=t.filter(d=>d.online&&d.type.includes("sensor")&&ve(d)!==null),s=e.length?e:t.filter(d=>d.online&&ve(d)!==null);if(s.length===0)return u;const i=d=>d.reduce((l,h)=>l+h,0)/d.length,n=i(s.map(d=>ve(d)??0)),r=s.map(ps).filter(d=>d!==null),a=`${_(n,1)}°C${r.length?` · ${_(i(r),0)}%`:""}`;return c`<div class="item" data-glance="climate"><span>${o("glance.inside")}</span><b>${a}</b></div>`}security(t){const e=t.filter(d=>lt(d)!==null),s=t.filter(d=>ut(d)!==null);if(e.length===0&&s.length===0)return u;const i=e.filter(d=>lt(d)===!1),n=s.filter(d=>ut(d)===!0),r=[];i.length===0&&n.length===0?r.push(o(e.length?"glance.secure":"glance.doors_closed")):i.length?r.push(o("glance.unlocked_named",{names:i.map(d=>S(d.name,d.aliases)).join(", ")})):e.length&&r.push(o("glance.all_locked")),n.length&&r.push(o("glance.open_count",{count:n.length}));const a=i.length>0||n.length>0;return c`<div class="item ${a?"alert":""}" data-glance="security">
      <span>${o("glance.doors")}</span><b>${r.join(" · ")}</b>
    </div>`}energy(){const t=this.summary?.energy;if(!t)return u;let e=`${_(t.kwh,1)} kWh`;return t.cost!==null&&t.currency&&(e+=` · ${t.cost.toLocaleString(L(),{style:"currency",currency:t.currency})}`),c`<a class="item" href="#/energy" data-glance="energy"><span>${o("glance.energy")}</span><b>${e}</b></a>`}vehicle(){const t=this.car;if(!t||t.battery===null)return u;const e=[`${_(t.battery,0)}%`],s=t.places.find(i=>i.eta&&!i.inside);return s?.eta?e.push(o("glance.eta",{place:S(s.name),minutes:Math.max(1,Math.round(s.eta.seconds/60))})):t.charging.state==="charging"&&e.push(o("glance.charging")),c`<a class="item" href="#/space/${encodeURIComponent(t.id)}" data-glance="car">
      <span>${o("car.title")}</span><b>${e.join(" · ")}</b>
    </a>`}};se.styles=[C,P`
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
    `];Ne([x({attribute:"space-id"})],se.prototype,"spaceId",2);Ne([p()],se.prototype,"summary",2);Ne([p()],se.prototype,"presence",2);Ne([p()],se.prototype,"car",2);se=Ne([A("orbit-home-summary")],se);var zn=Object.defineProperty,Un=Object.getOwnPropertyDescriptor,_e=(t,e,s,i)=>{for(var n=i>1?void 0:i?Un(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&zn(e,s,n),n};let G=class extends E{constructor(){super(...arguments),this.spaceId="",this.scenes=[],this.busy="",this.message="",this.error=""}connectedCallback(){super.connectedCallback(),g.get("/api/scenes").then(t=>this.scenes=t).catch(()=>null)}render(){const t=this.scenes.filter(e=>e.devices.some(s=>y.get(s)?.space_id===this.spaceId));return t.length===0?u:c`<div class="chips" role="group" aria-label=${o("scenes.title")}>
        ${t.map(e=>c`<button data-scene=${e.id} ?disabled=${this.busy!==""} @click=${()=>this.activate(e)}>
            ${S(e.name,e.aliases)}</button>`)}
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}`}async activate(t){this.busy=t.id,this.message="",this.error="";const e=S(t.name,t.aliases);try{const s=await g.request("POST",`/api/scenes/${encodeURIComponent(t.id)}/activate`);s.failed.length===0?this.message=o("scenes.done",{name:e}):this.error=o("scenes.partial",{name:e,count:s.failed.length,reason:s.failed[0].message})}catch(s){this.error=b(s)}finally{this.busy=""}}};G.styles=[C,P`
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
    `];_e([x({attribute:"space-id"})],G.prototype,"spaceId",2);_e([p()],G.prototype,"scenes",2);_e([p()],G.prototype,"busy",2);_e([p()],G.prototype,"message",2);_e([p()],G.prototype,"error",2);G=_e([A("orbit-scene-bar")],G);var Mn=Object.defineProperty,Nn=Object.getOwnPropertyDescriptor,ke=(t,e,s,i)=>{for(var n=i>1?void 0:i?Nn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Mn(e,s,n),n};let Ft=!1,K=class extends E{constructor(){super(...arguments),this.spaceId="",this.roomId="",this.answer=null,this.error="",this.busy=!1}render(){return Ft?u:c`
      <form @submit=${this.ask}>
        <input type="text" name="text" enterkeyhint="send" autocomplete="off"
          aria-label=${o("assistant.send")} placeholder=${o("assistant.placeholder")} />
        <button class="primary" ?disabled=${this.busy}>${o("assistant.send")}</button>
      </form>
      ${this.answer?c`<div class="card" role="status" data-answer>
            <p>${this.answer.answer}</p>
            ${this.answer.needs_clarification&&this.answer.choices?.length?c`<div class="chips" role="group" aria-label=${o("assistant.choices")}>
                  ${this.answer.choices.map(t=>c`<button type="button" data-choice=${t.id} ?disabled=${this.busy}
                      @click=${()=>this.choose(t.id)}>${t.label??t.name??t.id}</button>`)}
                  ${this.answer.choices.length>1?c`<button type="button" data-choice="all" ?disabled=${this.busy}
                        @click=${()=>this.choose("all")}>${o("assistant.all")}</button>`:u}
                  <button type="button" data-choice="cancel" ?disabled=${this.busy}
                    @click=${()=>this.choose("cancel")}>${o("assistant.cancel")}</button>
                </div>`:u}
          </div>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
    `}async choose(t){this.busy=!0,this.error="";try{this.answer=await g.request("POST","/api/assistant/choose",{choice:t,language:L()})}catch(e){this.error=b(e)}finally{this.busy=!1}}async ask(t){t.preventDefault();const s=t.target.elements.namedItem("text"),i=s.value.trim();if(i){this.busy=!0,this.error="";try{const n={...this.spaceId?{space_id:this.spaceId}:{},...this.roomId?{room_id:this.roomId}:{}};this.answer=await g.request("POST","/api/assistant/ask",{text:i,language:L(),...n}),s.value=""}catch(n){n instanceof W&&n.missing?(Ft=!0,this.requestUpdate()):this.error=b(n)}finally{this.busy=!1}}}};K.styles=[C,P`
      form {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      input {
        flex: 1;
      }
    `];ke([x({attribute:!1})],K.prototype,"spaceId",2);ke([x({attribute:!1})],K.prototype,"roomId",2);ke([p()],K.prototype,"answer",2);ke([p()],K.prototype,"error",2);ke([p()],K.prototype,"busy",2);K=ke([A("orbit-assistant-box")],K);var jn=Object.defineProperty,Hn=Object.getOwnPropertyDescriptor,je=(t,e,s,i)=>{for(var n=i>1?void 0:i?Hn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&jn(e,s,n),n};let ne=class extends E{constructor(){super(...arguments),this.vehicle=null,this.busy=!1,this.message="",this.error=""}render(){const t=this.vehicle,e=t?.charging.settings;if(!t||!e||t.controllable===!1)return u;const s=t.charging.limit_soc??e.limit_soc;return c`<form class="card" data-car="settings" @submit=${this.save}>
      <h3>${o("car.settings")}</h3>
      <div class="fields">
        <label>${o("car.target")}
          <input type="number" name="target" inputmode="numeric" min="10" max="100" step="1" required .value=${String(Math.round(e.target_soc))} /></label>
        <label>${o("car.departure")}
          <input type="time" name="departure" required .value=${e.departure_time??"07:30"} /></label>
        <label>${o("car.limit")}
          <input type="number" name="limit" inputmode="numeric" min="50" max="100" step="1" required .value=${String(Math.round(s))} /></label>
      </div>
      <p class="muted">${o("car.settings_hint")}</p>
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy}>${o("app.save")}</button>
        <button type="button" ?disabled=${this.busy} @click=${this.precondition}>${o("car.precondition")}</button>
      </div>
      ${this.message?c`<p class="muted" role="status">${this.message}</p>`:u}
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
    </form>`}async save(t){t.preventDefault();const e=this.vehicle;if(!e)return;const s=new FormData(t.target),i=Number(s.get("target")),n=Number(s.get("limit"));if(i>n){this.message="",this.error=o("car.target_over_limit",{target:i,limit:n});return}await this.run(async()=>{await g.request("PUT",`/api/vehicles/${encodeURIComponent(e.id)}/charging`,{target_soc:i,departure_time:String(s.get("departure")),limit:n}),this.message=o("car.saved"),this.dispatchEvent(new Event("changed"))})}async precondition(){const t=this.vehicle;t&&await this.run(async()=>{const e=await g.request("POST",`/api/vehicles/${encodeURIComponent(t.id)}/precondition`);this.message=e.confirmed?o("car.preconditioning",{temperature:e.target_temperature}):e.message})}async run(t){this.busy=!0,this.message="",this.error="";try{await t()}catch(e){this.error=b(e)}finally{this.busy=!1}}};ne.styles=[C,P`
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
    `];je([x({attribute:!1})],ne.prototype,"vehicle",2);je([p()],ne.prototype,"busy",2);je([p()],ne.prototype,"message",2);je([p()],ne.prototype,"error",2);ne=je([A("orbit-charge-settings")],ne);var qn=Object.defineProperty,Bn=Object.getOwnPropertyDescriptor,tt=(t,e,s,i)=>{for(var n=i>1?void 0:i?Bn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&qn(e,s,n),n};const Vt=["Disconnected","Plugged","Charging","Complete"];let we=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.vehicle=null,this.watchesDevices=!0}connectedCallback(){super.connectedCallback(),this.load()}load(){g.optional(`/api/vehicles/${encodeURIComponent(this.spaceId)}`).then(t=>this.vehicle=t,()=>this.vehicle=null)}get zone(){return this.spaces.find(t=>t.id===this.spaceId)?.timezone}get car(){return y.all().find(t=>t.space_id===this.spaceId&&t.type==="vehicle")}render(){const t=this.car;if(!t)return u;const e=r=>{const a=t.state[r]?.value;return typeof a=="number"?a:void 0},s=e("battery.battery-level"),i=e("charging.charge-limit"),n=e("charging.charging-state");return c`
      <section class="card" aria-label=${o("car.title")}>
        <div class="stats">
          <div><div class="muted">${o("car.battery")}</div><div class="big" data-car="battery">${s===void 0?"–":`${_(s,0)}%`}</div></div>
          <div><div class="muted">${o("car.range")}</div><div class="big" data-car="range">${e("vehicle.range")===void 0?"–":`${_(e("vehicle.range")??0,0)} ${Re("km")}`}</div></div>
          <div><div class="muted">${o("car.charging")}</div><div class="big" data-car="charging">${n===void 0?"–":De(Vt[n]??"",Vt[n]??String(n))}</div></div>
        </div>
        <div class="bar" role="img" aria-label="${o("car.battery")} ${s??""}% / ${o("car.limit")} ${i??""}%">
          <span style="width:${s??0}%"></span>${i!==void 0?c`<i style="left:${i}%"></i>`:u}
        </div>
        <div class="muted">${o("car.limit")}: ${i??"–"}%</div>
      </section>
      ${this.map(e("location.latitude"),e("location.longitude"))}
      ${this.plan()}
      <orbit-charge-settings .vehicle=${this.vehicle} @changed=${()=>this.load()}></orbit-charge-settings>
      <h2>${o("car.climate")}</h2>
    `}map(t,e){const s=this.spaces.find(w=>w.kind==="home"&&w.latitude!==null);if(t===void 0||e===void 0||!s||s.latitude===null||s.longitude===null)return u;const i=s.latitude,n=s.longitude,r=(w,xe)=>[(xe-n)*111.32*Math.cos(i*Math.PI/180),-(w-i)*110.57],a=this.spaces.filter(w=>w.kind!=="vehicle"&&w.latitude!==null&&w.longitude!==null).map(w=>({space:w,at:r(w.latitude??0,w.longitude??0)})),d=r(t,e),l=[d[0],...a.map(w=>w.at[0])],h=[d[1],...a.map(w=>w.at[1])],m=1,f=Math.min(...l)-m,v=Math.min(...h)-m,$=Math.max(Math.max(...l)-f+m,Math.max(...h)-v+m,2),T=320,k=200,I=Math.min(T,k)/$,he=([w,xe])=>[(w-f)*I+(T-$*I)/2,(xe-v)*I],[bs,ys]=he(d),xt=Math.hypot(d[0],d[1]);return c`<section class="card" aria-label=${o("car.location")}>
      <h3>${o("car.location")}</h3>
      <svg viewBox="0 0 ${T} ${k}" role="img" aria-label=${o("car.distance",{km:_(xt,1)})}>
        ${a.map(({space:w,at:xe})=>{const[St,At]=he(xe);return Is`<circle cx=${St} cy=${At} r=${Math.max(4,w.radius_m/1e3*I)} fill="var(--accent)" fill-opacity="0.2" stroke="var(--accent)"></circle>
            <text x=${St+7} y=${At-7}>${S(w.name,w.aliases)}</text>`})}
        <circle cx=${bs} cy=${ys} r="6" fill="var(--danger)" stroke="#fff" stroke-width="2"></circle>
      </svg>
      <div class="muted">${o("car.distance",{km:_(xt,1)})}</div>
    </section>`}plan(){const t=this.vehicle;if(!t)return u;const e=t.charging?.plan??null,s=Ke(),i=l=>l[s]??Object.values(l)[0]??"",n=t.charging?.plan_reason_text??null,r=n?i(n):t.charging?.plan_reason??null,a=(t.places??[]).filter(l=>l.eta&&!l.inside);if(!e&&!r&&a.length===0)return u;const d=e?i(e.explanation):"";return c`<section class="card" aria-label=${o("car.plan")} data-car="plan">
      ${e||r?c`<h3>${o("car.plan")}</h3>
            ${r?c`<p data-car="plan-reason">${r}</p>`:u}
            ${e?c`<p class="muted" data-car="plan-summary">${o("car.plan_line",{target:_(e.target_soc,0),time:te(e.departure,this.zone),cost:e.cost.toLocaleString(L(),{style:"currency",currency:e.currency})})}</p><p>${d}</p>`:u}`:u}
      ${a.length?c`<h3>${o("car.eta")}</h3>
            ${a.map(l=>{const h=this.spaces.find(v=>v.id===l.space_id),m=h?S(h.name,h.aliases):l.name,f=_((l.eta?.seconds??0)/60,0);return c`<div>${o("car.eta_line",{place:m,time:te(l.eta?.arrival??0,this.zone),minutes:f})}</div>`})}`:u}
    </section>`}};we.styles=[C,P`
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
    `];tt([x({attribute:"space-id"})],we.prototype,"spaceId",2);tt([x({attribute:!1})],we.prototype,"spaces",2);tt([p()],we.prototype,"vehicle",2);we=tt([A("orbit-car-panel")],we);var Fn=Object.defineProperty,Vn=Object.getOwnPropertyDescriptor,ce=(t,e,s,i)=>{for(var n=i>1?void 0:i?Vn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Fn(e,s,n),n};let j=class extends E{constructor(){super(...arguments),this.spaceId="",this.spaces=[],this.room="",this.ids=[],this.error="",this.loading=!0,this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=ds(()=>this.requestUpdate()),this.loadSpaces()}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("spaceId")&&this.spaces.length>0&&this.loadDevices()}get space(){return this.spaces.find(t=>t.id===this.spaceId)??this.spaces[0]}async loadSpaces(){try{this.spaces=await g.get("/api/spaces"),Ze("spaces",this.spaces),this.error="",await this.loadDevices()}catch(t){this.fromCache(t)||(this.error=b(t)),this.loading=!1}}async loadDevices(){const t=this.space;if(!t){this.loading=!1;return}this.room="",this.loading=!0;try{const e=await g.get(`/api/devices?space_id=${encodeURIComponent(t.id)}`);y.put(e),Ze(`devices.${t.id}`,e),this.ids=e.map(s=>s.id),O.follow({spaces:[t.id]}),this.error=""}catch(e){this.fromCache(e)||(this.error=b(e))}finally{this.loading=!1}}fromCache(t){if(!(t instanceof W)||t.status!==0)return!1;this.spaces.length===0&&(this.spaces=ze("spaces")??[]);const e=this.space,s=e?ze(`devices.${e.id}`):null;return s?(y.put(s),this.ids=s.map(i=>i.id),!0):!1}render(){const t=this.space,e=t?.kind==="home";return c`
      ${this.spaces.length>1?c`<nav class="chips space-tabs" aria-label=${o("nav.home")}>
            ${this.spaces.map(s=>c`<button aria-pressed=${s.id===t?.id?"true":"false"}
                @click=${()=>location.hash=`#/space/${encodeURIComponent(s.id)}`}>
                ${S(s.name,s.aliases)}</button>`)}
          </nav>`:u}
      ${t&&e?c`<orbit-home-summary space-id=${t.id}></orbit-home-summary>`:u}
      ${t?c`<orbit-scene-bar space-id=${t.id}></orbit-scene-bar>`:u}
      <orbit-assistant-box .spaceId=${t?.id??""} .roomId=${this.room}></orbit-assistant-box>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${t?this.body(t):this.loading?c`<p class="muted">${o("app.loading")}</p>`:c`<p>${o("spaces.empty")}</p>`}
    `}body(t){const e=this.ids.map(l=>y.get(l)).filter(l=>l!==void 0&&l.space_id===t.id),s=t.rooms.filter(l=>e.some(h=>h.room_id===l.id)),i=this.room?e.filter(l=>l.room_id===this.room):e,n=this.room?[]:_t().map(l=>e.find(h=>h.id===l)).filter(l=>l!==void 0),r=[...s.map(l=>({id:l.id,name:S(l.name,l.aliases)})),{id:"",name:o("spaces.no_room")}].map(l=>({...l,devices:i.filter(h=>(h.room_id??"")===l.id)})).filter(l=>l.devices.length>0),a=t.kind!=="vehicle",d=l=>c`<div class="grid ${a?"":"cards"}">
      ${l.map(h=>c`<orbit-device-card ?tile=${a} device-id=${h.id}></orbit-device-card>`)}
    </div>`;return c`
      ${t.kind==="vehicle"?c`<orbit-car-panel space-id=${t.id} .spaces=${this.spaces}></orbit-car-panel>`:u}
      ${s.length>1?c`<nav class="rooms" aria-label=${o("spaces.rooms_all")}>
            ${s.map(l=>this.roomTile(l,e.filter(h=>h.room_id===l.id)))}
          </nav>`:u}
      ${this.loading&&e.length===0?c`<p class="muted">${o("app.loading")}</p>`:u}
      ${!this.loading&&e.length===0?c`<p>${o("spaces.empty")}</p>`:u}
      ${n.length?c`<h2 data-favourites>${o("spaces.favourites")}</h2>${d(n)}`:u}
      ${r.map(l=>c`${r.length>1||l.id?c`<h2 data-room-heading=${l.id}>${l.name}</h2>`:u}${d(l.devices)}`)}
    `}roomTile(t,e){const s=S(t.name,t.aliases),i=e.filter(h=>h.online&&h.type.includes("sensor")).map(ve).filter(h=>h!==null),n=e.map(ve).filter(h=>h!==null),r=i[0]??n[0],a=e.filter(h=>h.online&&kt(h)===!0).length,d=[r!==void 0?`${_(r,1)}°C`:"",a?o("spaces.on_count",{count:a}):o("spaces.all_off")].filter(h=>h),l=this.room===t.id;return c`<button data-room=${t.id} aria-pressed=${l?"true":"false"}
      aria-describedby="room-${t.id}" @click=${()=>this.room=l?"":t.id}>
      <b>${s}</b><span id="room-${t.id}" aria-hidden="true">${d.join(" · ")}</span>
    </button>`}};j.styles=[C,P`
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
    `];ce([x({attribute:"space-id"})],j.prototype,"spaceId",2);ce([p()],j.prototype,"spaces",2);ce([p()],j.prototype,"room",2);ce([p()],j.prototype,"ids",2);ce([p()],j.prototype,"error",2);ce([p()],j.prototype,"loading",2);j=ce([A("orbit-spaces")],j);const Wn=(function(){const e=typeof document<"u"&&document.createElement("link").relList;return e&&e.supports&&e.supports("modulepreload")?"modulepreload":"preload"})(),Gn=function(t){return"/"+t},Wt={},Gt=function(e,s,i){let n=Promise.resolve();if(s&&s.length>0){let h=function(m){return Promise.all(m.map(f=>Promise.resolve(f).then(v=>({status:"fulfilled",value:v}),v=>({status:"rejected",reason:v}))))};var a=h;document.getElementsByTagName("link");const d=document.querySelector("meta[property=csp-nonce]"),l=d?.nonce||d?.getAttribute("nonce");n=h(s.map(m=>{if(m=Gn(m),m in Wt)return;Wt[m]=!0;const f=m.endsWith(".css"),v=f?'[rel="stylesheet"]':"";if(document.querySelector(`link[href="${m}"]${v}`))return;const $=document.createElement("link");if($.rel=f?"stylesheet":Wn,f||($.as="script"),$.crossOrigin="",$.href=m,l&&$.setAttribute("nonce",l),document.head.appendChild($),f)return new Promise((T,k)=>{$.addEventListener("load",T),$.addEventListener("error",()=>k(new Error(`Unable to preload CSS for ${m}`)))})}))}function r(d){const l=new Event("vite:preloadError",{cancelable:!0});if(l.payload=d,window.dispatchEvent(l),!l.defaultPrevented)throw d}return n.then(d=>{for(const l of d||[])l.status==="rejected"&&r(l.reason);return e().catch(r)})};var Kn=Object.defineProperty,Zn=Object.getOwnPropertyDescriptor,Z=(t,e,s,i)=>{for(var n=i>1?void 0:i?Zn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Kn(e,s,n),n};const Kt="#1f6cc7";let z=class extends E{constructor(){super(...arguments),this.deviceId="",this.prop=null,this.label="",this.range=86400,this.timeZone="",this.history=null,this.error="",this.plot=null}willUpdate(t){(t.has("range")||t.has("prop")||t.has("deviceId"))&&this.load()}disconnectedCallback(){super.disconnectedCallback(),this.plot?.destroy(),this.plot=null}get path(){return this.prop?.path??""}get window(){const t=this.history?.now??ht();return[t-this.range,t]}async load(){if(!this.prop)return;const t=`since=${Math.floor(ht()-this.range-60)}&buckets=120`;try{const e=await g.get(`/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${t}`);e.now!==void 0&&fs(e.now),this.history=e,this.error=""}catch(e){this.error=b(e)}}render(){const[t,e]=this.window,s=(this.history?.points??[]).filter(n=>n.time>=t),i=Re(this.prop?.unit);return c`<section class="card" data-chart=${this.path} data-window-start=${Math.round(t)} data-window-end=${Math.round(e)}>
      <h3>${this.label}${i?` (${i})`:""}</h3>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.history&&s.length===0?c`<p class="muted">${o("device.no_history")}</p>`:u}
      <div class="plot ${this.prop?.format==="bool"?"timeline":""}" role="img" aria-label=${this.label}></div>
    </section>`}async updated(){const t=this.prop,[e,s]=this.window,i=(this.history?.points??[]).filter(k=>k.value!==null&&k.time>=e),n=this.renderRoot.querySelector(".plot");if(this.plot?.destroy(),this.plot=null,!n||!t||i.length===0)return;const{default:r}=await Gt(async()=>{const{default:k}=await import("./uPlot.esm-CluHQUMV.js");return{default:k}},[]);await Gt(()=>import("./uPlot.min-Bqv6YAmf.js"),[]).then(k=>{if(!this.renderRoot.querySelector("style[data-uplot]")){const I=document.createElement("style");I.dataset.uplot="",I.textContent=k.default,this.renderRoot.appendChild(I)}});const a=t.format==="bool",d=k=>typeof k=="boolean"?Number(k):k,l=i.map(k=>k.time),h=i.map(k=>d(k.value));a&&h.length>0&&(l.push(s),h.push(h[h.length-1]));const m=[l,h],f=this.timeZone||void 0,v=this.range>86400,$=new Intl.DateTimeFormat(L(),v?{month:"short",day:"numeric",timeZone:f}:{hour:"2-digit",minute:"2-digit",timeZone:f}),T=a?[-.1,1.1]:t.unit==="percentage"&&t.range?[t.range[0],t.range[1]]:null;this.plot?.destroy(),this.plot=new r({width:Math.max(240,n.clientWidth||320),height:a?110:160,legend:{show:!1},scales:{x:{time:!0,range:[e,s]},...T?{y:{range:T}}:{}},series:[{},a?{label:this.label,stroke:Kt,width:2,fill:"rgba(31,108,199,0.15)",paths:r.paths.stepped?.({align:1})}:{label:this.label,stroke:Kt,width:2,fill:"rgba(31,108,199,0.12)"}],axes:[{stroke:"#667085",values:(k,I)=>I.map(he=>$.format(new Date(he*1e3)))},a?{stroke:"#667085",size:52,splits:()=>[0,1],values:(k,I)=>I.map(he=>o(he?"glance.on":"glance.off"))}:{stroke:"#667085",size:56}]},m,n)}};z.styles=[C,P`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];Z([x({attribute:"device-id"})],z.prototype,"deviceId",2);Z([x({attribute:!1})],z.prototype,"prop",2);Z([x()],z.prototype,"label",2);Z([x({type:Number})],z.prototype,"range",2);Z([x({attribute:"time-zone"})],z.prototype,"timeZone",2);Z([p()],z.prototype,"history",2);Z([p()],z.prototype,"error",2);z=Z([A("orbit-history-chart")],z);var Jn=Object.defineProperty,Yn=Object.getOwnPropertyDescriptor,He=(t,e,s,i)=>{for(var n=i>1?void 0:i?Yn(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&Jn(e,s,n),n};const Zt=[{key:"range.hour",seconds:3600},{key:"range.day",seconds:86400},{key:"range.week",seconds:7*86400},{key:"range.month",seconds:30*86400}],Xn=new Set(["int8","int16","int32","uint8","uint16","uint32","float","bool"]);let ie=class extends E{constructor(){super(...arguments),this.deviceId="",this.spec=null,this.range=Zt[1].seconds,this.error="",this.watchesDevices=!0,this.stopFavourites=null}connectedCallback(){super.connectedCallback(),this.stopFavourites=ds(()=>this.requestUpdate())}disconnectedCallback(){super.disconnectedCallback(),this.stopFavourites?.()}willUpdate(t){t.has("deviceId")&&this.load()}async load(){try{const t=await g.get(`/api/devices/${encodeURIComponent(this.deviceId)}`);y.put([t]),this.spec=t.spec??null,this.error="",O.follow({devices:[t.id]})}catch(t){this.error=t.status===404?o("device.not_found"):b(t)}}pick(t){this.range=t}render(){const t=y.get(this.deviceId),e=this.spec?this.spec.services.flatMap(i=>i.properties).filter(i=>ti(i,t)):[],s=t?ze("spaces")?.find(i=>i.id===t.space_id)?.timezone??"":"";return c`
      <div class="row between top">
        <a class="back" href="#/">‹ ${o("device.back")}</a>
        ${this.spec?c`<button class="star" data-favourite aria-pressed=${Ht(this.deviceId)?"true":"false"}
              @click=${()=>ln(this.deviceId,!Ht(this.deviceId))}>★ ${o("device.favourite")}</button>`:u}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.spec?c`<orbit-device-card device-id=${this.deviceId} full></orbit-device-card>`:u}
      ${e.length?c`<h2>${o("device.history")}</h2>
            <div class="chips" role="group" aria-label=${o("device.history")}>
              ${Zt.map(i=>c`<button aria-pressed=${this.range===i.seconds?"true":"false"}
                  @click=${()=>this.pick(i.seconds)}>${o(i.key)}</button>`)}
            </div>
            ${e.map(i=>c`<orbit-history-chart device-id=${this.deviceId} .prop=${i} label=${Pe(i)}
                time-zone=${s} .range=${this.range}></orbit-history-chart>`)}`:u}
    `}};ie.styles=[C,P`
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
    `];He([x({attribute:"device-id"})],ie.prototype,"deviceId",2);He([p()],ie.prototype,"spec",2);He([p()],ie.prototype,"range",2);He([p()],ie.prototype,"error",2);ie=He([A("orbit-device-page")],ie);const Qn=new Set(["latitude","longitude","heading","accuracy","altitude","odometer","power-consumption","voltage","electric-current"]),ei=new Set(["battery-level","range","speed"]);function ti(t,e){return!t.access.includes("read")||!Xn.has(t.format)||t.values?!1:e?.type==="vehicle"?ei.has(t.name):t.format!=="bool"&&t.access.includes("write")?!1:!Qn.has(t.name)}var si=Object.defineProperty,ni=Object.getOwnPropertyDescriptor,le=(t,e,s,i)=>{for(var n=i>1?void 0:i?ni(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&si(e,s,n),n};let H=class extends E{constructor(){super(...arguments),this.spaces=[],this.spaceId="",this.period="day",this.energy=null,this.error="",this.unavailable=!1}connectedCallback(){super.connectedCallback(),this.init()}async init(){try{this.spaces=(await g.get("/api/spaces")).filter(t=>t.kind!=="vehicle"),this.spaceId=this.spaces[0]?.id??"",await this.load()}catch(t){this.error=b(t)}}async load(){const t=this.period==="day"?1:30,e=Math.floor(ht()-t*86400),s=`space_id=${encodeURIComponent(this.spaceId)}&period=${this.period}&since=${e}`;try{this.energy=await g.optional(`/api/energy?${s}`),this.unavailable=this.energy===null,this.error=""}catch(i){this.error=b(i)}}pick(t){Object.assign(this,t),this.load()}render(){const t=this.energy,e=t?t.devices.reduce((s,i)=>s+i.total,0):0;return c`
      <h1>${o("energy.title")}</h1>
      <div class="chips">
        ${this.spaces.map(s=>c`<button aria-pressed=${s.id===this.spaceId?"true":"false"} @click=${()=>this.pick({spaceId:s.id})}>
            ${S(s.name,s.aliases)}</button>`)}
      </div>
      <div class="chips" role="group">
        ${["day","month"].map(s=>c`<button aria-pressed=${s===this.period?"true":"false"} @click=${()=>this.pick({period:s})}>
            ${o(s==="day"?"energy.day":"energy.month")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:u}
      ${t?c`<p data-energy-total>${o("energy.total",{value:_(e,2),unit:t.unit})}</p>
            ${this.list(o("energy.by_room"),t.rooms.map(s=>({id:s.id,name:S(s.name,this.roomAliases(s.id)),total:s.total})),t.unit)}
            ${this.list(o("energy.by_device"),t.devices.map(s=>({id:s.id,name:S(s.name,y.get(s.id)?.aliases??[]),total:s.total})),t.unit)}`:u}
    `}roomAliases(t){return this.spaces.flatMap(e=>e.rooms).find(e=>e.id===t)?.aliases??[]}list(t,e,s){const i=Math.max(1e-4,...e.map(r=>r.total)),n=[...e].sort((r,a)=>a.total-r.total);return c`<section class="card"><h2>${t}</h2>
      ${n.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
      <ul class="plain">
        ${n.map(r=>c`<li><div class="row between"><span>${r.name}</span><span>${_(r.total,2)} ${s}</span></div>
            <div class="bar" style="width:${r.total/i*100}%"></div></li>`)}
      </ul></section>`}};H.styles=[C,P`
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
    `];le([p()],H.prototype,"spaces",2);le([p()],H.prototype,"spaceId",2);le([p()],H.prototype,"period",2);le([p()],H.prototype,"energy",2);le([p()],H.prototype,"error",2);le([p()],H.prototype,"unavailable",2);H=le([A("orbit-energy")],H);var ii=Object.defineProperty,ri=Object.getOwnPropertyDescriptor,qe=(t,e,s,i)=>{for(var n=i>1?void 0:i?ri(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&ii(e,s,n),n};let re=class extends E{constructor(){super(...arguments),this.watchesDevices=!0,this.tab="events",this.events=null,this.audit=null,this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{this.tab==="events"?(this.events=await g.optional("/api/events?limit=100")??[],await this.learnDevices(this.events)):this.audit=await g.optional("/api/audit?limit=100")??[],this.error=""}catch(t){this.error=b(t)}}async learnDevices(t){t.some(s=>s.device_id&&!y.get(s.device_id))&&y.put(await g.get("/api/devices"));const e=new Set(t.filter(s=>s.kind==="command"&&s.device_id).map(s=>s.device_id??""));await Promise.all([...e].map(s=>y.spec(s)))}render(){const t=this.tab==="events"?(this.events??[]).map(e=>({time:e.time,text:ai(e)})):(this.audit??[]).map(e=>({time:e.time,text:`${e.actor} · ${e.action} · ${e.target}`}));return c`
      <h1>${o("activity.title")}</h1>
      <div class="chips" role="group">
        ${["events","audit"].map(e=>c`<button aria-pressed=${e===this.tab?"true":"false"}
            @click=${()=>{this.tab=e,this.load()}}>${o(e==="events"?"activity.events":"activity.audit")}</button>`)}
      </div>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      <section class="card">
        ${t.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
        <ul class="plain">
          ${t.map(e=>c`<li><div class="muted">${te(e.time)}</div><div>${e.text}</div></li>`)}
        </ul>
      </section>
    `}};re.styles=[C];qe([p()],re.prototype,"tab",2);qe([p()],re.prototype,"events",2);qe([p()],re.prototype,"audit",2);qe([p()],re.prototype,"error",2);re=qe([A("orbit-activity")],re);function ai(t){const e=t.payload??{},s=ui(t.device_id??""),i=t.space_id??"";switch(t.kind){case"online":return o(e.online===!1?"activity.offline":"activity.online",{device:s});case"command":{const n=typeof e.actor=="string"&&e.actor?e.actor:o("activity.someone"),r=oi(t.device_id,t.path),a=r?Pe(r):De(Ae(t.path),Ae(t.path)),d=e.arguments??{},l=Ae(t.path);if(e.command==="set"&&l in d){const h=d[l],m=r&&li(h)?ci(r,h):JSON.stringify(h);return o("activity.command",{actor:n,device:s,property:a,value:m})}return o("activity.command_call",{actor:n,device:s,property:a})}case"zone":return o(e.entered?"activity.zone_enter":"activity.zone_leave",{device:s,space:i});case"presence":return o(e.present?"activity.arrived":"activity.left",{person:t.path??"",space:i});case"automation":return o("activity.automation",{id:t.path??"",outcome:[e.outcome,e.message].filter(Boolean).join(" · ")});case"event":return o("activity.event",{device:s,event:De(Ae(t.path),Ae(t.path))});default:return typeof t.message=="string"&&t.message?t.message:[t.kind??t.type,s,t.path].filter(Boolean).join(" · ")}}function oi(t,e){const s=t?y.get(t)?.spec:void 0;if(!s||!e)return null;for(const i of s.services){const n=i.properties.find(r=>r.path===e);if(n)return n}return null}function ci(t,e){return typeof e=="boolean"?o(e?"activity.on":"activity.off"):me(t,e)}function li(t){return["boolean","number","string"].includes(typeof t)}function ui(t){const e=y.get(t);return e?S(e.name,e.aliases):t}function Ae(t){return(t??"").split(".").pop()??""}var di=Object.defineProperty,hi=Object.getOwnPropertyDescriptor,Be=(t,e,s,i)=>{for(var n=i>1?void 0:i?hi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&di(e,s,n),n};let ae=class extends E{constructor(){super(...arguments),this.notifications=null,this.alerts=null,this.suggestions=null,this.error="",this.onLive=t=>{const e=t.detail;if(e.type!=="notification")return;const s=e,i=typeof s.id=="number"||typeof s.id=="string"?s.id:`live-${Date.now()}`,n={id:i,time:typeof s.time=="number"?s.time:Date.now()/1e3,title:String(s.title??""),message:String(s.message??""),severity:typeof s.severity=="string"?s.severity:void 0,read:!1},r=new Set([String(i),...Array.isArray(s.replaces)?s.replaces.map(String):[]]);this.notifications=[n,...(this.notifications??[]).filter(a=>!r.has(String(a.id)))]}}connectedCallback(){super.connectedCallback(),O.addEventListener("message",this.onLive),this.load()}disconnectedCallback(){super.disconnectedCallback(),O.removeEventListener("message",this.onLive)}async load(){const t=n=>n.catch(r=>(this.error=b(r),null)),[e,s,i]=await Promise.all([t(g.optional("/api/notifications")),t(g.optional("/api/alerts")),t(g.optional("/api/suggestions"))]);this.notifications=e??this.notifications,this.alerts=s,this.suggestions=i}async act(t){try{await g.request("POST",t),await this.load()}catch(e){this.error=b(e)}}render(){return c`
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      <h1>${o("notifications.title")}</h1>
      <section class="card" data-section="notifications">
        ${this.notifications?.length?u:c`<p class="muted">${o("app.none")}</p>`}
        <ul class="plain">
          ${(this.notifications??[]).map(t=>c`<li data-notification=${String(t.id)}>
              <div class="row between"><strong>${t.title}</strong><span class="muted">${te(t.time)}</span></div>
              <div>${t.message}</div>
              ${t.read===!1&&!String(t.id).startsWith("live-")?c`<button @click=${()=>this.act(`/api/notifications/${encodeURIComponent(String(t.id))}/read`)}>
                    ${o("notifications.mark_read")}</button>`:u}
            </li>`)}
        </ul>
      </section>
      ${this.alerts?this.insights(o("insights.alerts"),this.alerts,"alerts",["dismiss"]):u}
      ${this.suggestions?this.insights(o("insights.suggestions"),this.suggestions,"suggestions",["accept","reject"]):u}
    `}insights(t,e,s,i){return c`<h2>${t}</h2>
      <section class="card" data-section=${s}>
        ${e.length===0?c`<p class="muted">${o("app.none")}</p>`:u}
        <ul class="plain">
          ${e.map(n=>c`<li>
              <strong>${Jt(n.title_en,n.title_zh)||n.id}</strong>
              <div>${Jt(n.explanation_en??n.message_en,n.explanation_zh??n.message_zh)}</div>
              <div class="row">
                ${i.map(r=>c`<button @click=${()=>this.act(`/api/${s}/${encodeURIComponent(n.id)}/${r}`)}>
                    ${o(`insights.${r}`)}</button>`)}
              </div>
            </li>`)}
        </ul>
      </section>`}};ae.styles=[C];Be([p()],ae.prototype,"notifications",2);Be([p()],ae.prototype,"alerts",2);Be([p()],ae.prototype,"suggestions",2);Be([p()],ae.prototype,"error",2);ae=Be([A("orbit-inbox")],ae);function Jt(t,e){return(Ke()==="zh"?e||t:t||e)??""}var pi=Object.defineProperty,gi=Object.getOwnPropertyDescriptor,ue=(t,e,s,i)=>{for(var n=i>1?void 0:i?gi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&pi(e,s,n),n};let q=class extends E{constructor(){super(...arguments),this.automations=null,this.unavailable=!1,this.why={},this.error="",this.busy="",this.notes={}}connectedCallback(){super.connectedCallback(),g.optional("/api/automations").then(t=>{this.automations=t??[],this.unavailable=t===null},t=>this.error=b(t))}async explain(t){try{const e=Ke(),s=await g.get(`/api/automations/${encodeURIComponent(t)}/why?lang=${e}`);this.why={...this.why,[t]:pt(s)}}catch(e){this.why={...this.why,[t]:b(e)}}}async setEnabled(t,e){await this.act(t,async()=>{const s=await g.request("POST",`/api/automations/${encodeURIComponent(t.id)}/${e?"enable":"disable"}`);return this.automations=(this.automations??[]).map(i=>i.id===t.id?{...i,...s}:i),""})}async run(t){await this.act(t,async()=>{const e=await g.request("POST",`/api/automations/${encodeURIComponent(t.id)}/run?lang=${Ke()}`);return e.started?o("automations.started"):o("automations.not_started",{reason:e.reason??""})})}async act(t,e){this.busy=t.id;try{this.notes={...this.notes,[t.id]:await e()}}catch(s){this.notes={...this.notes,[t.id]:b(s)}}finally{this.busy=""}}render(){return c`
      <h1>${o("automations.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.unavailable?c`<p class="muted">${o("app.unavailable")}</p>`:u}
      ${this.automations?.length===0&&!this.unavailable?c`<p class="muted">${o("app.none")}</p>`:u}
      ${(this.automations??[]).map(t=>c`<section class="card" data-automation=${t.id}>
          <div class="row between"><strong>${t.name??t.id}</strong>
            <button role="switch" aria-checked=${t.enabled===!1?"false":"true"} aria-label=${t.name??t.id}
              ?disabled=${this.busy===t.id} @click=${()=>this.setEnabled(t,t.enabled===!1)}></button></div>
          <p class="muted">${t.enabled===!1?`${o("automations.disabled")} · `:""}${mi(t)}</p>
          <div class="buttons">
            <button ?disabled=${this.busy===t.id||t.enabled===!1} @click=${()=>this.run(t)}>${o("automations.run")}</button>
            <button @click=${()=>this.explain(t.id)}>${o("automations.why")}</button>
          </div>
          ${this.notes[t.id]?c`<p class="muted" role="status">${this.notes[t.id]}</p>`:u}
          ${this.why[t.id]!==void 0?c`<p data-why>${this.why[t.id]||o("automations.why_none")}</p>`:u}
        </section>`)}
    `}};q.styles=[C,P`
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
        gap: 0.5rem;
      }
    `];ue([p()],q.prototype,"automations",2);ue([p()],q.prototype,"unavailable",2);ue([p()],q.prototype,"why",2);ue([p()],q.prototype,"error",2);ue([p()],q.prototype,"busy",2);ue([p()],q.prototype,"notes",2);q=ue([A("orbit-automations")],q);function mi(t){const e=t.last_run;return e?o("automations.last_run",{time:te(e.started),outcome:e.error?`${e.status} (${e.error})`:e.status}):o("automations.never")}function pt(t){if(typeof t=="string")return t;if(Array.isArray(t))return[...t].reverse().slice(0,3).map(e=>e&&typeof e=="object"&&typeof e.time=="number"?`${te(e.time)}: ${pt(e)}`:pt(e)).join(`
`);if(t&&typeof t=="object"){const e=t;for(const s of["text","explanation","why","message","summary"])if(typeof e[s]=="string")return e[s]}return JSON.stringify(t)}var fi=Object.defineProperty,vi=Object.getOwnPropertyDescriptor,de=(t,e,s,i)=>{for(var n=i>1?void 0:i?vi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&fi(e,s,n),n};const bi=["adult","child","guest","owner"];let B=class extends E{constructor(){super(...arguments),this.users=[],this.spaces=[],this.grants={},this.open="",this.grantSpace="",this.error=""}connectedCallback(){super.connectedCallback(),this.load()}async load(){try{[this.users,this.spaces]=await Promise.all([g.get("/api/users"),g.get("/api/spaces")]),this.grantSpace||=this.spaces[0]?.id??"",this.error=""}catch(t){this.error=b(t)}}async loadGrants(t){if(this.open=this.open===t?"":t,!!this.open)try{this.grants={...this.grants,[t]:await g.get(`/api/users/${encodeURIComponent(t)}/grants`)}}catch(e){this.error=b(e)}}async guarded(t){try{await t(),this.error=""}catch(e){this.error=b(e)}}async create(t){t.preventDefault();const e=t.target,s=new FormData(e);await this.guarded(async()=>{await g.request("POST","/api/users",{username:s.get("username"),password:s.get("password"),display_name:s.get("display_name")||s.get("username"),role:s.get("role")}),e.reset(),await this.load()})}async grant(t,e){t.preventDefault();const s=new FormData(t.target),i=s.getAll("rooms").map(String),n=String(s.get("devices")??"").split(",").map(a=>a.trim()).filter(Boolean),r=String(s.get("expires")??"");await this.guarded(async()=>{await g.request("POST",`/api/users/${encodeURIComponent(e)}/grants`,{space_id:s.get("space"),room_ids:i.length?i:null,device_ids:n.length?n:null,expires_at:r?new Date(r).getTime()/1e3:null}),this.open="",await this.loadGrants(e)})}async revoke(t){await this.guarded(async()=>{await g.request("DELETE",`/api/grants/${encodeURIComponent(t.id)}`),this.open="",await this.loadGrants(t.user_id)})}async setCounts(t,e){await this.guarded(async()=>{await g.request("PATCH",`/api/users/${encodeURIComponent(t.id)}`,{counts_for_presence:e}),await this.load()})}async removeUser(t){await this.guarded(async()=>{await g.request("DELETE",`/api/users/${encodeURIComponent(t.id)}`),await this.load()})}render(){return c`
      <h1>${o("users.title")}</h1>
      ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      ${this.users.map(t=>c`<section class="card" data-user=${t.username}>
          <div class="row between">
            <strong>${t.display_name||t.username}</strong><span class="muted">${t.username} · ${o(`users.role.${t.role}`)}</span>
          </div>
          ${t.role!=="owner"?c`<label class="row">
                <input type="checkbox" name="counts_for_presence" .checked=${t.counts_for_presence!==!1}
                  @change=${e=>this.setCounts(t,e.target.checked)} />
                <span>${o("users.counts_for_presence")}</span>
              </label>`:u}
          <div class="row">
            <button @click=${()=>this.loadGrants(t.id)}>${o("users.grants")}</button>
            ${t.role!=="owner"?c`<button @click=${()=>this.removeUser(t)}>${o("users.delete")}</button>`:u}
          </div>
          ${this.open===t.id?this.grantsOf(t):u}
        </section>`)}
      <section class="card">
        <h2>${o("users.create")}</h2>
        <form @submit=${this.create}>
          <label>${o("login.username")}<input type="text" name="username" required autocomplete="off" /></label>
          <label>${o("users.display_name")}<input type="text" name="display_name" autocomplete="off" /></label>
          <label>${o("login.password")}<input type="password" name="password" required autocomplete="new-password" /></label>
          <label>${o("users.role")}
            <select name="role">${bi.map(t=>c`<option value=${t}>${o(`users.role.${t}`)}</option>`)}</select>
          </label>
          <button class="primary">${o("users.create")}</button>
        </form>
      </section>
    `}grantsOf(t){const e=this.grants[t.id]??[],s=this.spaces.find(n=>n.id===this.grantSpace),i=n=>{const r=this.spaces.find(a=>a.id===n);return r?S(r.name,r.aliases):n};return c`
      <ul class="plain">
        ${e.map(n=>c`<li class="row between" data-grant=${n.id}>
            <span>${i(n.space_id)}: ${n.room_ids?.join(", ")??n.device_ids?.join(", ")??o("users.whole_space")}
              ${n.expires_at?c`<span class="muted">${o("users.until",{time:te(n.expires_at)})}</span>`:u}</span>
            <button @click=${()=>this.revoke(n)}>${o("users.revoke")}</button>
          </li>`)}
      </ul>
      <form @submit=${n=>this.grant(n,t.id)}>
        <label>${o("users.space")}
          <select name="space" @change=${n=>this.grantSpace=n.target.value}>
            ${this.spaces.map(n=>c`<option value=${n.id} ?selected=${n.id===this.grantSpace}>${S(n.name,n.aliases)}</option>`)}
          </select>
        </label>
        ${s?.rooms.length?c`<div class="checks"><div class="muted">${o("users.rooms")}</div>
              ${s.rooms.map(n=>c`<label><input type="checkbox" name="rooms" value=${n.id} />${S(n.name,n.aliases)}</label>`)}
            </div>`:u}
        <label>${o("users.devices")}<input type="text" name="devices" autocomplete="off" /></label>
        <label>${o("users.expires")}<input type="datetime-local" name="expires" /></label>
        <button class="primary">${o("users.grant")}</button>
      </form>
    `}};B.styles=[C,P`.checks label { display: inline-flex; gap: 0.3rem; margin-right: 0.8rem; }`];de([p()],B.prototype,"users",2);de([p()],B.prototype,"spaces",2);de([p()],B.prototype,"grants",2);de([p()],B.prototype,"open",2);de([p()],B.prototype,"grantSpace",2);de([p()],B.prototype,"error",2);B=de([A("orbit-users")],B);function vs(){return"serviceWorker"in navigator&&"PushManager"in window&&"Notification"in window}async function yi(){if(!vs())return!1;const t=await g.optional("/api/push/key").catch(()=>null),e=t?.public_key??t?.key??t?.vapid_public_key;if(!e||await Notification.requestPermission()!=="granted")return!1;const s=await navigator.serviceWorker.ready,i=await s.pushManager.getSubscription()??await s.pushManager.subscribe({userVisibleOnly:!0,applicationServerKey:$i(e)});return await g.request("POST","/api/push/subscriptions",i.toJSON()),!0}function $i(t){const e=(t+"=".repeat((4-t.length%4)%4)).replace(/-/g,"+").replace(/_/g,"/"),s=atob(e),i=new Uint8Array(new ArrayBuffer(s.length));for(let n=0;n<s.length;n+=1)i[n]=s.charCodeAt(n);return i}var wi=Object.defineProperty,_i=Object.getOwnPropertyDescriptor,Fe=(t,e,s,i)=>{for(var n=i>1?void 0:i?_i(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&wi(e,s,n),n};let oe=class extends E{constructor(){super(...arguments),this.user=null,this.companion=cs(),this.push="",this.error=""}render(){const t=this.user;return c`
      <h1>${o("more.title")}</h1>
      <nav class="card">
        <ul class="plain">
          <li><a href="#/automations">${o("automations.title")}</a></li>
          ${t?.role==="owner"?c`<li><a href="#/users">${o("users.title")}</a></li>`:u}
        </ul>
      </nav>
      <section class="card">
        <h2>${o("settings.title")}</h2>
        <label>${o("settings.language")}
          <select name="language" @change=${this.changeLanguage}>
            ${is.map(e=>c`<option value=${e.code} ?selected=${e.code===L()}>${e.label}</option>`)}
          </select>
        </label>
        <label class="row">
          <input type="checkbox" name="companion" .checked=${this.companion} @change=${this.toggleCompanion} />
          <span>${o("settings.companion")}</span>
        </label>
        <p class="muted">${o("settings.companion_hint")}</p>
        ${t?.role==="owner"?c`<label class="row">
              <input type="checkbox" name="security_notices" .checked=${t.security_notices!==!1}
                @change=${this.toggleSecurityNotices} />
              <span>${o("settings.security_notices")}</span>
            </label>`:u}
        <h3>${o("settings.push")}</h3>
        ${vs()?c`<button @click=${this.enablePush}>${o("settings.push_on")}</button>`:u}
        ${this.push?c`<p class="muted" role="status">${this.push}</p>`:u}
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
      </section>
      <section class="card">
        ${t?c`<p>${o("settings.signed_in_as",{name:t.display_name||t.username,role:o(`users.role.${t.role}`)})}</p>`:u}
        <button @click=${()=>{g.logout()}}>${o("logout")}</button>
      </section>
    `}changeLanguage(t){const e=t.target.value;as(e),g.request("PATCH","/api/me",{language:e}).catch(()=>null)}async toggleSecurityNotices(t){const e=t.target;try{await g.request("PATCH","/api/me",{security_notices:e.checked}),this.user&&(this.user={...this.user,security_notices:e.checked}),this.error=""}catch(s){e.checked=!e.checked,this.error=b(s)}}async toggleCompanion(t){this.companion=t.target.checked;try{await an(this.companion),this.error=""}catch(e){this.error=b(e)}}async enablePush(){try{this.push=o(await yi()?"settings.push_done":"settings.push_unavailable")}catch{this.push=o("settings.push_unavailable")}}};oe.styles=[C];Fe([x({attribute:!1})],oe.prototype,"user",2);Fe([p()],oe.prototype,"companion",2);Fe([p()],oe.prototype,"push",2);Fe([p()],oe.prototype,"error",2);oe=Fe([A("orbit-settings")],oe);var ki=Object.defineProperty,xi=Object.getOwnPropertyDescriptor,J=(t,e,s,i)=>{for(var n=i>1?void 0:i?xi(e,s):e,r=t.length-1,a;r>=0;r--)(a=t[r])&&(n=(i?a(e,s,n):a(n))||n);return i&&n&&ki(e,s,n),n};const Si=[{route:"",key:"nav.home",icon:"⌂"},{route:"energy",key:"nav.energy",icon:"⚡"},{route:"activity",key:"nav.activity",icon:"☰"},{route:"inbox",key:"nav.alerts",icon:"✉"},{route:"more",key:"nav.more",icon:"⋯"}];let U=class extends E{constructor(){super(...arguments),this.route=location.hash,this.user=null,this.online=navigator.onLine,this.reachable=!0,this.error="",this.unseen=0,this.toast="",this.onHash=()=>{this.route=location.hash,this.parts[0]==="inbox"&&(this.unseen=0)},this.onNetwork=()=>{this.online=navigator.onLine,this.online&&g.signedIn&&(!this.user||!this.reachable)&&this.loadMe()},this.onSignedOut=()=>{this.user=null,O.stop(),on(),y.clear(),nn()},this.onLiveStatus=()=>this.requestUpdate(),this.onLiveMessage=t=>{const e=t.detail;e.type==="notification"&&(this.parts[0]!=="inbox"&&(this.unseen+=1),this.toast=[e.title,e.message].filter(s=>typeof s=="string"&&s).join(": "),window.clearTimeout(this.toastTimer),this.toastTimer=window.setTimeout(()=>this.toast="",6e3))}}connectedCallback(){super.connectedCallback(),window.addEventListener("hashchange",this.onHash),window.addEventListener("online",this.onNetwork),window.addEventListener("offline",this.onNetwork),g.addEventListener("signedout",this.onSignedOut),g.addEventListener("reachability",this.onLiveStatus),O.addEventListener("status",this.onLiveStatus),O.addEventListener("message",this.onLiveMessage),g.signedIn&&this.loadMe()}disconnectedCallback(){super.disconnectedCallback(),window.removeEventListener("hashchange",this.onHash),window.removeEventListener("online",this.onNetwork),window.removeEventListener("offline",this.onNetwork),g.removeEventListener("signedout",this.onSignedOut),g.removeEventListener("reachability",this.onLiveStatus),O.removeEventListener("status",this.onLiveStatus),O.removeEventListener("message",this.onLiveMessage)}async loadMe(){try{const t=await g.get("/api/me");this.user=t.user,jt(t.user.username),Ze("me",t.user),this.reachable=!0,this.error="",t.user.language!==L()&&g.request("PATCH","/api/me",{language:L()}).catch(()=>null),O.start(),ls().catch(()=>null)}catch(t){this.reachable=t.status!==0,this.reachable?this.error=b(t):this.user??=ze("me"),this.user&&jt(this.user.username)}}render(){const t=!this.online||!this.reachable||!g.reachable,e=g.signedIn;return c`
      <header>
        <strong>${o("app.name")}</strong>
        <span class="status" data-live=${O.status}>
          ${t?o("device.offline"):e&&this.user?O.status==="live"?`● ${o("app.live")}`:o("app.reconnecting"):""}
        </span>
      </header>
      ${t?c`<div class="banner" role="status" data-offline>${o("app.offline")}
          <button @click=${()=>this.loadMe()}>${o("app.retry")}</button></div>`:u}
      <main>
        ${this.error?c`<p class="error" role="alert">${this.error}</p>`:u}
        ${e?this.user?this.view(this.user):t?u:c`<p class="muted">${o("app.loading")}</p>`:t?u:c`<orbit-login @signedin=${()=>this.loadMe()}></orbit-login>`}
      </main>
      ${this.toast?c`<div class="toast" role="status" data-toast @click=${()=>this.toast=""}>${this.toast}</div>`:u}
      ${e&&this.user?this.tabs():u}
    `}get parts(){return this.route.replace(/^#\/?/,"").split("/").map(decodeURIComponent)}view(t){const[e,s]=this.parts;switch(e){case"device":return c`<orbit-device-page device-id=${s??""}></orbit-device-page>`;case"energy":return c`<orbit-energy></orbit-energy>`;case"activity":return c`<orbit-activity></orbit-activity>`;case"inbox":return c`<orbit-inbox></orbit-inbox>`;case"automations":return c`<orbit-automations></orbit-automations>`;case"users":return t.role==="owner"?c`<orbit-users></orbit-users>`:c`<orbit-settings .user=${t}></orbit-settings>`;case"more":return c`<orbit-settings .user=${t}></orbit-settings>`;default:return c`<orbit-spaces space-id=${e==="space"?s??"":""}></orbit-spaces>`}}tabs(){const[t]=this.parts,e=t==="space"||t==="device"?"":t==="automations"||t==="users"?"more":t??"";return c`<nav class="tabs" aria-label=${o("app.name")} lang=${L()}>
      ${Si.map(s=>c`<a href="#/${s.route}" aria-current=${s.route===e?"page":"false"} data-tab=${s.route||"home"}>
          <span aria-hidden="true">${s.icon}</span>${o(s.key)}${s.route==="inbox"&&this.unseen?c` <b class="badge" data-unseen>${this.unseen}</b>`:u}</a>`)}
    </nav>`}};U.styles=[C,P`
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
    `];J([p()],U.prototype,"route",2);J([p()],U.prototype,"user",2);J([p()],U.prototype,"online",2);J([p()],U.prototype,"reachable",2);J([p()],U.prototype,"error",2);J([p()],U.prototype,"unseen",2);J([p()],U.prototype,"toast",2);U=J([A("orbit-app")],U);"serviceWorker"in navigator&&window.addEventListener("load",()=>{navigator.serviceWorker.register("/sw.js",{scope:"/"}).catch(()=>null)});
